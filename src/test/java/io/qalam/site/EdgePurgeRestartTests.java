package io.qalam.site;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.qalam.TestNodes;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node shuts down gracefully while a change's edge purge is still failing; the purge
 * stays in the event registry and goes out from the node started after it.
 */
class EdgePurgeRestartTests {

	private static final Actor EDITOR = new Actor("restart-editor", Role.EDITOR);

	private final String database = "jdbc:h2:mem:edge-restart-" + UUID.randomUUID()
			+ ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

	private final MockWebServer cdn = new MockWebServer();

	private final List<String> purged = new CopyOnWriteArrayList<>();

	private volatile int answer = 503;

	@AfterEach
	void stop() throws Exception {
		this.cdn.shutdown();
	}

	@Test
	void aPendingPurgeOutlivesAGracefulShutdown() throws Exception {
		this.cdn.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (EdgePurgeRestartTests.this.answer == 200) {
					EdgePurgeRestartTests.this.purged.add(request.getBody().readUtf8());
				}
				return new MockResponse().setResponseCode(EdgePurgeRestartTests.this.answer);
			}
		});
		this.cdn.start();
		long id;
		try (ConfigurableApplicationContext first = node()) {
			ArticleWorkflow workflow = first.getBean(ArticleWorkflow.class);
			id = workflow.createDraft(EDITOR, "en", new Draft("Purged after a restart " + UUID.randomUUID(), "A lead.",
					"<p>Text.</p>", "economy", List.of(), "", null, null, null));
			workflow.publish(EDITOR, id, 0);
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			// the edge refused it: the purge waits in the registry
			await().atMost(Duration.ofSeconds(10)).until(() -> pending(jdbc, id) == 1);
		}
		// a graceful stop (the context closed) left it there
		this.answer = 200;
		try (ConfigurableApplicationContext second = node()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.purged.stream().anyMatch((body) -> body.contains("article-" + id)));
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> pending(jdbc, id) == 0);
		}
	}

	private static long pending(JdbcClient jdbc, long id) {
		return jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
					+ " AND listener_id LIKE '%EdgePurges%' AND serialized_event LIKE :key")
			.param("key", "%\"article-" + id + "\"%")
			.query(Long.class)
			.single();
	}

	private ConfigurableApplicationContext node() {
		Map<String, String> settings = new HashMap<>(
				Map.of("spring.datasource.url", this.database, "spring.datasource.username", "sa",
						"qalam.edge.purge-url", this.cdn.url("/purge").toString(), "qalam.edge.repurge-after", "0s",
						// failed publications are handed out again soon, not after a
						// minute
						"qalam.events.redeliver-after", "PT1S", "qalam.events.redelivery-interval", "PT1S",
						"spring.modulith.events.staleness.processing", "PT1S"));
		return TestNodes.start(settings);
	}

}
