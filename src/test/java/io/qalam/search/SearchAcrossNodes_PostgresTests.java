package io.qalam.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qalam.PostgresTest;
import io.qalam.TestNodes;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.accounts.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
		return TestNodes.start(Map.of("spring.datasource.url", this.environment.getProperty("spring.datasource.url"),
				"spring.datasource.username", this.environment.getProperty("spring.datasource.username")));
	}

}
