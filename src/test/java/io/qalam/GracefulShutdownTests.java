package io.qalam;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.qalam.widgets.TestFixtures;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node told to stop (a SIGTERM closes the context so): a request in flight is answered
 * in full, and scheduled work that is running finishes its step — here a weather fetch
 * from a slow service, stored — rather than being cut off. (Events whose work was not
 * done stay in the registry for the next start: {@code EdgePurgeRestartTests}.)
 */
class GracefulShutdownTests {

	private static final CountDownLatch IN_FLIGHT = new CountDownLatch(1);

	private final String database = "jdbc:h2:mem:shutdown-" + UUID.randomUUID()
			+ ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

	private final MockWebServer meteo = new MockWebServer();

	@AfterEach
	void stop() throws IOException {
		this.meteo.shutdown();
	}

	@Test
	void requestsInFlightAndRunningScheduledWorkFinish() throws Exception {
		// the weather service answers after two seconds
		this.meteo.enqueue(new MockResponse().setResponseCode(200)
			.setBody(TestFixtures.weather("-4.1"))
			.setHeadersDelay(2, TimeUnit.SECONDS));
		this.meteo.start();
		ConfigurableApplicationContext node = TestNodes
			.start(Map.of("spring.datasource.url", this.database, "spring.datasource.username", "sa",
					"qalam.widgets.weather.url", this.meteo.url("/").toString(), "qalam.widgets.refresh.initial-delay",
					"PT0.1S", "qalam.widgets.refresh.tick", "PT0.2S", "qalam.widgets.http.read-timeout", "10s"),
					slowPage());
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();

		// a reader's request that takes two seconds, and the weather fetch, both under
		// way
		CompletableFuture<HttpResponse<String>> reader = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(IN_FLIGHT.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.meteo.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

		node.close();

		HttpResponse<String> answer = reader.get(10, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("answered in full");
		try (Connection db = DriverManager.getConnection(this.database, "sa", "");
				ResultSet stored = db.createStatement()
					.executeQuery("SELECT COUNT(*) FROM weather_now WHERE temperature_c = -4.1")) {
			stored.next();
			assertThat(stored.getInt(1)).as("the fetch under way was stored").isEqualTo(20);
		}
	}

	// a page that takes two seconds, as a slow render or a slow reader's would
	private static ApplicationContextInitializer<GenericApplicationContext> slowPage() {
		return (context) -> context.registerBean("slowPage", FilterRegistrationBean.class, () -> {
			Filter slow = (request, response, chain) -> {
				if (!"/slow".equals(((HttpServletRequest) request).getRequestURI())) {
					chain.doFilter(request, response);
					return;
				}
				IN_FLIGHT.countDown();
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				response.setContentType("text/plain");
				response.getWriter().write("answered in full");
				// sent before the filter returns: Tomcat counts a request as done when
				// its
				// chain returns and writes what is left after, so on a busy machine the
				// stop could close the socket between the two (seen once in a full build)
				response.flushBuffer();
			};
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(slow);
			registration.addUrlPatterns("/slow");
			return registration;
		});
	}

}
