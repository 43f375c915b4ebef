package io.qalam.content;

import java.time.Duration;
import java.util.List;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Article events go through Spring Modulith's event publication registry: recorded in the
 * transaction of the change itself (none for a change rolled back), completed when a
 * listener has handled them, and handed out again when a listener failed — what a
 * Telegram or webhook delivery relies on to survive an outage or a crash.
 */
@QalamTest
class ArticleEventsTests {

	private static final Actor EDITOR = new Actor("events-editor", Role.EDITOR);

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	RecordingListener listener;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FailedEventPublications failed;

	@BeforeEach
	void reset() {
		this.listener.reset(0);
	}

	@Test
	void aPublicationIsHandledAndItsRecordRemovedOnceDone() {
		long id = draft("Recorded with the change");
		this.workflow.publish(EDITOR, id, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.seen().contains(id));
		// the registry holds what is not done yet, nothing more (recorded with the
		// change:
		// aFailedDeliveryIsKeptAndHandedOutAgain)
		await().atMost(Duration.ofSeconds(10)).until(() -> publications(id) == 0);
		assertThat(this.listener.seen()).containsOnlyOnce(id);
	}

	@Test
	void aRolledBackChangeLeavesNoEvent() throws InterruptedException {
		// a delivery would fail and its record stay: a recorded event could not go unseen
		this.listener.reset(1);
		long id = draft("Rolled back");
		this.transactions.executeWithoutResult((status) -> {
			this.workflow.publish(EDITOR, id, 0);
			status.setRollbackOnly();
		});
		Thread.sleep(1000);
		assertThat(publications(id)).isZero();
		assertThat(this.listener.seen()).doesNotContain(id);
		assertThat(this.workflow.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
	}

	@Test
	void aFailedDeliveryIsKeptAndHandedOutAgain() {
		this.listener.reset(1);
		long id = draft("Delivered after an outage");
		this.workflow.publish(EDITOR, id, 0);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "FAILED".equals(this.jdbc.sql(
					"SELECT status FROM event_publication WHERE listener_id LIKE '%RecordingListener%' AND serialized_event LIKE :id")
				.param("id", "%\"articleId\":" + id + ",%")
				.query(String.class)
				.optional()
				.orElse(null)));
		assertThat(this.listener.seen()).doesNotContain(id);
		assertThat(incomplete(id)).isEqualTo(1);

		// What EventRedelivery does every minute, once across the cluster
		this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ZERO));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.seen().contains(id));
		await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(id) == 0);
		assertThat(this.listener.seen()).containsOnlyOnce(id);
	}

	private long draft(String headline) {
		return this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null, null));
	}

	private long publications(long id) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%RecordingListener%' AND serialized_event LIKE :id")
			.param("id", "%\"articleId\":" + id + ",%")
			.query(Long.class)
			.single();
	}

	private long incomplete(long id) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%RecordingListener%' AND serialized_event LIKE :id AND completion_date IS NULL")
			.param("id", "%\"articleId\":" + id + ",%")
			.query(Long.class)
			.single();
	}

}
