package io.qalam.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qalam.PostgresTest;
import io.qalam.QalamApplication;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL, each with its own index: an article published on one is
 * found on the other within moments (the signal through NOTIFY), not at the next periodic
 * check.
 */
@PostgresTest
class SearchAcrossNodes_PostgresTests {

	private static final Actor EDITOR = new Actor("nodes-editor", Role.EDITOR);

	@Autowired
	Environment environment;

	@Autowired
	ArticleWorkflow workflow;

	@Test
	void aPublicationOnOneNodeIsFoundOnTheOther() {
		try (ConfigurableApplicationContext other = otherNode()) {
			SearchIndex otherIndex = other.getBean(SearchIndex.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !otherIndex.rebuildState().running() && otherIndex.pending() == 0);
			String word = "nd" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
			long id = this.workflow.createDraft(EDITOR, "ru", new Draft("Новости двух узлов " + word, "Лид.",
					"<p>Текст.</p>", "world", List.of(), "", null, null, null));
			int version = this.workflow.publish(EDITOR, id, 0);
			SearchRequest query = new SearchRequest("новость " + word, null, null, null, SearchRequest.Order.RELEVANCE,
					1);
			await().atMost(Duration.ofSeconds(10)).until(() -> otherIndex.search("ru", query).total() == 1);

			this.workflow.unpublish(EDITOR, id, version);
			await().atMost(Duration.ofSeconds(10)).until(() -> otherIndex.search("ru", query).total() == 0);
		}
	}

	private ConfigurableApplicationContext otherNode() {
		Map<String, String> settings = Map.ofEntries(Map.entry("server.port", "0"),
				Map.entry("spring.datasource.url", this.environment.getProperty("spring.datasource.url")),
				Map.entry("spring.datasource.username", this.environment.getProperty("spring.datasource.username")),
				Map.entry("spring.datasource.password", ""), Map.entry("qalam.demo.enabled", "false"),
				Map.entry("qalam.media.dir", "target/test-media/" + UUID.randomUUID()),
				Map.entry("qalam.search.dir", "target/test-index/" + UUID.randomUUID()),
				Map.entry("qalam.secrets.key", "test-secrets-key-of-at-least-32-characters"),
				Map.entry("qalam.content.publish-due.initial-delay", "PT24H"),
				Map.entry("qalam.widgets.refresh.initial-delay", "PT24H"),
				Map.entry("qalam.widgets.rates.url", "http://127.0.0.1:9"),
				Map.entry("qalam.widgets.weather.url", "http://127.0.0.1:9"),
				Map.entry("qalam.distribution.telegram.api-url", "http://127.0.0.1:9"),
				Map.entry("spring.main.banner-mode", "off"));
		return new SpringApplicationBuilder(QalamApplication.class).run(
				settings.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

}
