package io.qalam.distribution;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qalam.TestNodes;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.accounts.Role;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node stops while Telegram has the post but has not answered; another node starts on
 * the same database. The post must not be sent a second time: it ends as one uncertain
 * record for an editor to check.
 */
class TelegramRestartTests {

	private static final Actor EDITOR = new Actor("restart-editor", Role.EDITOR);

	private final FakeBotApi telegram = new FakeBotApi();

	private final MockWebServer server = new MockWebServer();

	private final String database = "jdbc:h2:mem:restart-" + UUID.randomUUID()
			+ ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	@Test
	void aRestartDuringTheCallLeavesOneUncertainPostAndNoSecondPost() throws IOException {
		this.server.setDispatcher(this.telegram);
		this.server.start();
		// Telegram takes the post and never answers
		this.telegram.thenAnswer(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		String tag = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long id;
		try (ConfigurableApplicationContext first = node(
				Map.of("qalam.distribution.read-timeout", "PT30S", "qalam.distribution.uncertain-after", "PT60S"))) {
			ArticleWorkflow workflow = first.getBean(ArticleWorkflow.class);
			id = workflow.createDraft(EDITOR, "en",
					new Draft("Restart " + tag, "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null, null));
			workflow.publish(EDITOR, id, 0);
			await().atMost(Duration.ofSeconds(15)).until(() -> this.telegram.callsAbout(tag).size() == 1);
			assertThat(state(first, id)).isEqualTo("SENDING");
		}
		// the first node is gone in the middle of the call; the second starts
		try (ConfigurableApplicationContext second = node(
				Map.of("qalam.distribution.read-timeout", "PT1S", "qalam.distribution.uncertain-after", "PT2S"))) {
			await().atMost(Duration.ofSeconds(15)).until(() -> state(second, id).equals("UNCERTAIN"));
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
			assertThat(this.telegram.callsAbout(tag)).hasSize(1);
			assertThat(second.getBean(TelegramPosts.class).needingAttention())
				.anySatisfy((post) -> assertThat(post.articleId()).isEqualTo(id));
		}
	}

	private static String state(ConfigurableApplicationContext node, long articleId) {
		return node.getBean(JdbcClient.class)
			.sql("SELECT state FROM telegram_posts WHERE article_id = :id")
			.param("id", articleId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private ConfigurableApplicationContext node(Map<String, String> extra) {
		Map<String, String> settings = new HashMap<>(Map.of("spring.datasource.url", this.database,
				"spring.datasource.username", "sa", "qalam.distribution.telegram.api-url",
				this.server.url("/").toString(), "qalam.distribution.telegram.tokens.en",
				"123456:TEST-token-for-the-english-edition", "qalam.distribution.interval", "PT0.2S"));
		settings.putAll(extra);
		return TestNodes.start(settings);
	}

}
