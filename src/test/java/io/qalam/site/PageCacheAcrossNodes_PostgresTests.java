package io.qalam.site;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qalam.PostgresTest;
import io.qalam.TestNodes;
import io.qalam.WebClient;
import io.qalam.content.Actor;
import io.qalam.content.ArticlePaths;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.accounts.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL, each with its own page cache: an edit made on one evicts
 * the kept page on the other (the signal through NOTIFY), so readers of either node see
 * it at once.
 */
@PostgresTest
class PageCacheAcrossNodes_PostgresTests {

	private static final Actor EDITOR = new Actor("cache-nodes-editor", Role.EDITOR);

	@Autowired
	Environment environment;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	ArticlePaths paths;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditOnOneNodeEvictsThePageOnTheOther() {
		try (ConfigurableApplicationContext other = otherNode()) {
			WebClient otherWeb = web(other);
			String headline = "Kept on two nodes " + UUID.randomUUID().toString().substring(0, 8);
			long id = this.workflow.createDraft(EDITOR, "en", new Draft(headline, "A lead.", "<p>Text.</p>", "world",
					List.of("nodes"), "", null, null, "elena-kim"));
			int version = this.workflow.publish(EDITOR, id, 0);
			String path = path(id);
			otherWeb.get(path);
			assertThat(otherWeb.get(path).headers().firstValue("X-Cache")).hasValue("HIT");

			String edited = headline + ", edited";
			this.workflow.save(EDITOR, id, version, new Draft(edited, "A lead.", "<p>Text.</p>", "world",
					List.of("nodes"), "", null, null, "elena-kim"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Jsoup.parse(otherWeb.get(path).body()).selectFirst("h1").text().equals(edited));

			// and off the site again: the other tests here read the demo stories as
			// newest
			this.workflow.unpublish(EDITOR, id, version + 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> otherWeb.get(path).statusCode() == 404);
		}
	}

	@Test
	void aPublicationOnOneNodeJoinsReadAlsoOnTheOther() {
		try (ConfigurableApplicationContext other = otherNode()) {
			WebClient otherWeb = web(other);
			String tag = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
			long first = publish("First of a story " + tag, tag);
			String path = path(first);
			// the other node ranks "Read also" from its own memory, read now
			assertThat(readAlso(otherWeb, path)).isNotEmpty();

			long second = publish("Second of the story " + tag, tag);
			// evicted there and ranked with the new article, which shares the tag
			await().atMost(Duration.ofSeconds(10))
				.until(() -> readAlso(otherWeb, path).stream().findFirst().orElse("").equals(path(second)));

			this.workflow.unpublish(EDITOR, second, this.workflow.find(second).orElseThrow().version());
			await().atMost(Duration.ofSeconds(10)).until(() -> !readAlso(otherWeb, path).contains(path(second)));
			this.workflow.unpublish(EDITOR, first, this.workflow.find(first).orElseThrow().version());
		}
	}

	// a second node on the same database
	private ConfigurableApplicationContext otherNode() {
		return TestNodes.start(Map.of("spring.datasource.url", this.environment.getProperty("spring.datasource.url"),
				"spring.datasource.username", this.environment.getProperty("spring.datasource.username")));
	}

	private static WebClient web(ConfigurableApplicationContext node) {
		return new WebClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
	}

	private long publish(String headline, String tag) {
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", "world", List.of(tag), "", null, null, null));
		this.workflow.publish(EDITOR, id, 0);
		return id;
	}

	private String path(long id) {
		return this.jdbc.sql("SELECT slug, published_at FROM articles WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> this.paths.path("en", rs.getObject("published_at", OffsetDateTime.class).toInstant(),
					rs.getString("slug")))
			.single();
	}

	private static List<String> readAlso(WebClient web, String path) {
		return Jsoup.parse(web.get(path).body())
			.select(".read-also .teaser-headline a")
			.stream()
			.map((a) -> a.attr("href"))
			.toList();
	}

}
