package io.qalam.site;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CDN's purge API as the edge: each change's keys are sent with the token after the
 * change commits; a purge the CDN refuses stays in the event registry, shows on the Edge
 * page, and goes through when it is sent again.
 */
@QalamTest
class EdgePurgesTests {

	private static final Actor EDITOR = new Actor("purge-editor", Role.EDITOR);

	// how the CDN answers now: 200 unless a test says otherwise
	private static volatile int answer = 200;

	private static final MockWebServer CDN = start();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	UserAccounts accounts;

	@DynamicPropertySource
	static void edge(DynamicPropertyRegistry registry) {
		registry.add("qalam.edge.purge-url", () -> CDN.url("/purge").toString());
		registry.add("qalam.edge.purge-token", () -> "cdn-token-of-the-test");
		// one purge per change here, so that the CDN's answers line up with the changes
		registry.add("qalam.edge.repurge-after", () -> "0s");
	}

	private static MockWebServer start() {
		MockWebServer server = new MockWebServer();
		server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse().setResponseCode(answer)
					.setBody((answer == 200) ? "{\"status\":\"ok\"}" : "busy");
			}
		});
		try {
			server.start();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return server;
	}

	@AfterAll
	static void stop() throws Exception {
		CDN.shutdown();
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void aRefusedPurgeIsKeptAndSentAgain(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
		// the demo content's purges at start went through
		await().atMost(Duration.ofSeconds(10)).until(() -> CDN.getRequestCount() > 0);
		while (CDN.takeRequest(500, TimeUnit.MILLISECONDS) != null) {
		}
		answer = 503;
		long id = this.workflow.createDraft(EDITOR, "en", new Draft("Purged at the edge " + unique(), "A lead.",
				"<p>Text.</p>", "economy", List.of(), "", null, null, null));
		this.workflow.publish(EDITOR, id, 0);

		RecordedRequest refused = CDN.takeRequest(10, TimeUnit.SECONDS);
		assertThat(refused).isNotNull();
		assertThat(refused.getMethod()).isEqualTo("POST");
		assertThat(refused.getHeader("Authorization")).isEqualTo("Bearer cdn-token-of-the-test");
		List<String> keys = JSON.readTree(refused.getBody().readUtf8())
			.get("tags")
			.valueStream()
			.map((k) -> k.asString())
			.toList();
		assertThat(keys).contains("article-" + id, "list-en-latest", "sitemaps");
		assertThat(refused.getHeader("Surrogate-Key")).isEqualTo(String.join(" ", keys));

		// said in a line each time, not as an error with a stack trace
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("kept to be done again"));
		assertThat(output.getOut()).contains("Edge purge at " + CDN.url("/purge") + " failed: answered 503")
			.doesNotContain("Unexpected exception occurred invoking async method");

		// kept in the registry, shown to editors
		String editor = TestAccounts.create(this.accounts, Role.EDITOR);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var page = Jsoup.parse(NewsroomTestLogin.as(this.port, editor).get("/newsroom/edge"));
			assertThat(page.select("[role=alert]").text()).contains("purges failed");
			assertThat(page.select("[role=status]").text()).doesNotEndWith(": 0");
		});

		// sent again (the registry's redelivery does this every minute): it goes through
		answer = 200;
		this.incomplete
			.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof EdgePurgeRequested purge
					&& purge.keys().contains("article-" + id));
		RecordedRequest again = CDN.takeRequest(10, TimeUnit.SECONDS);
		assertThat(again).isNotNull();
		assertThat(again.getBody().readUtf8()).contains("article-" + id);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					Jsoup.parse(NewsroomTestLogin.as(this.port, editor).get("/newsroom/edge")).select("[role=alert]"))
				.isEmpty());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
