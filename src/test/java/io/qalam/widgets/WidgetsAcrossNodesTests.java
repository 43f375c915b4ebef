package io.qalam.widgets;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.qalam.TestNodes;
import io.qalam.WebClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Qalam nodes on one database, with stand-ins for the National Bank and Open-Meteo:
 * each source is fetched once across both nodes, right after the first start and in the
 * background; the pages of both nodes show the stored values; and serving pages never
 * calls an outside service.
 */
class WidgetsAcrossNodesTests {

	private final MockWebServer bank = new MockWebServer();

	private final MockWebServer meteo = new MockWebServer();

	private final AtomicInteger bankCalls = new AtomicInteger();

	private final AtomicInteger meteoCalls = new AtomicInteger();

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@BeforeEach
	void startUpstreams() throws IOException {
		this.bank.setDispatcher(answer(this.bankCalls,
				RatesFeedTests.fixture("rates_all.xml")
					.replace("27.11.26", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
						.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yy")))));
		this.meteo.setDispatcher(answer(this.meteoCalls, weather()));
		this.bank.start();
		this.meteo.start();
	}

	@AfterEach
	void stop() throws IOException {
		if (this.second != null) {
			this.second.close();
		}
		if (this.first != null) {
			this.first.close();
		}
		this.bank.shutdown();
		this.meteo.shutdown();
	}

	@Test
	void eachSourceIsFetchedOnceAcrossNodesAndPagesNeverCallOut() {
		String database = "jdbc:h2:mem:nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
		this.first = node(database);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.bankCalls.get() == 1 && this.meteoCalls.get() == 1);
		this.second = node(database);
		// Both nodes tick every 200 ms; neither fetches again within the interval
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(this.bankCalls.get()).isEqualTo(1);
		assertThat(this.meteoCalls.get()).isEqualTo(1);

		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { this.first, this.second }) {
			WebClient client = new WebClient(port(node));
			for (String path : new String[] { "/ru/", "/kk/", "/en/", "/en/contacts" }) {
				var page = client.get(path);
				assertThat(page.statusCode()).as(path).isEqualTo(200);
				// each edition writes the rate its way
				assertThat(page.body()).as(path).contains(path.startsWith("/en/") ? "512.34" : "512,34", "−3\u00a0°C");
			}
		}
		assertThat(this.bankCalls.get()).as("no call while serving pages").isEqualTo(1);
		assertThat(this.meteoCalls.get()).as("no call while serving pages").isEqualTo(1);
	}

	private ConfigurableApplicationContext node(String database) {
		return TestNodes.start(
				Map.of("spring.datasource.url", database, "spring.datasource.username", "sa", "qalam.widgets.rates.url",
						this.bank.url("/").toString(), "qalam.widgets.weather.url", this.meteo.url("/").toString(),
						"qalam.widgets.refresh.initial-delay", "PT0.1S", "qalam.widgets.refresh.tick", "PT0.2S"));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static Dispatcher answer(AtomicInteger calls, String body) {
		return new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				// Counted: the regular fetches (the bank's dated feed fills in past days)
				if (!request.getPath().startsWith("/rss/get_rates.cfm")) {
					calls.incrementAndGet();
				}
				return new MockResponse().setResponseCode(200).setBody(body);
			}
		};
	}

	// Every city at −3.2 °C with light snow, observed an hour ago
	private static String weather() {
		return TestFixtures.weather("-3.2");
	}

}
