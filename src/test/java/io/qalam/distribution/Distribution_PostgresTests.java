package io.qalam.distribution;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.qalam.PostgresTest;
import io.qalam.content.ArticleEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery records on PostgreSQL: queued once per event, claimed, retried after a
 * failed call, recovered as uncertain. The outside services are an address nothing
 * listens on.
 */
@PostgresTest
class Distribution_PostgresTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookSender webhookSender;

	@Autowired
	TelegramPosts posts;

	@Autowired
	TelegramSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void webhookDeliveriesAreQueuedOnceAndRetriedAfterAFailedCall() {
		var created = this.webhooks.create("http://127.0.0.1:9/hook", "pg-admin");
		try {
			var story = article(this.context).in("en")
				.headline("Old story " + UUID.randomUUID())
				.publishedAt(Instant.parse("2020-01-01T06:00:00Z"))
				.create();
			ArticleEvent event = new ArticleEvent.ArticlePublished(story.id(), "en", story.storyId(), 7,
					ArticleEvent.Origin.NEWSROOM, null, null);
			this.webhooks.enqueue(event);
			this.webhooks.enqueue(event);
			assertThat(count("webhook_deliveries", story.id())).isEqualTo(1);
			this.webhookSender.sendDue();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc
					.sql("SELECT attempts FROM webhook_deliveries WHERE article_id = :id AND state = 'PENDING'")
					.param("id", story.id())
					.query(Integer.class)
					.optional()
					.orElse(0) >= 1);
			assertThat(this.jdbc.sql("SELECT last_error FROM webhook_deliveries WHERE article_id = :id")
				.param("id", story.id())
				.query(String.class)
				.single()).contains("no connection");
		}
		finally {
			this.webhooks.delete(created.id());
		}
	}

	@Test
	void telegramPostsAreRecordedOnceAndRecoveredAsUncertain() {
		this.settings.save("kk", "@qalam_kz", "987654:AAH-postgres-test-token-abcdef", true, true, "pg-admin");
		try {
			var story = article(this.context).in("kk")
				.headline("Ескі жаңалық " + UUID.randomUUID())
				.publishedAt(Instant.parse("2020-01-01T06:00:00Z"))
				.create();
			ArticleEvent published = new ArticleEvent.ArticlePublished(story.id(), "kk", story.storyId(), 3,
					ArticleEvent.Origin.NEWSROOM, null, null);
			this.posts.record(published);
			this.posts.record(published);
			assertThat(count("telegram_posts", story.id())).isEqualTo(1);
			// a node stopped during the call
			this.jdbc.sql("UPDATE telegram_posts SET state = 'SENDING', claimed_at = :ago WHERE article_id = :id")
				.param("ago", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
				.param("id", story.id())
				.update();
			this.posts.sendDue();
			long post = this.jdbc.sql("SELECT id FROM telegram_posts WHERE article_id = :id AND state = 'UNCERTAIN'")
				.param("id", story.id())
				.query(Long.class)
				.single();
			assertThat(this.posts.confirmSent(post, 55L)).isTrue();
			this.posts.record(new ArticleEvent.ArticleUpdated(story.id(), "kk", story.storyId(), 4,
					ArticleEvent.Origin.NEWSROOM, null, null));
			assertThat(this.jdbc.sql("SELECT edit_pending FROM telegram_posts WHERE id = :id")
				.param("id", post)
				.query(Boolean.class)
				.single()).isTrue();
		}
		finally {
			this.settings.save("kk", "@qalam_kz", "", false, true, "pg-admin");
		}
	}

	private long count(String table, long articleId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE article_id = :id")
			.param("id", articleId)
			.query(Long.class)
			.single();
	}

}
