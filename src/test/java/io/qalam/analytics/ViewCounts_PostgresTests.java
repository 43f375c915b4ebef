package io.qalam.analytics;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.qalam.PostgresTest;
import io.qalam.TestNodes;
import io.qalam.WebClient;
import io.qalam.content.ArticleBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL count the views of the same article: their sums add up in
 * the same hourly row, even when both write a new row at the same moment, and "most read"
 * on either node follows the total.
 */
@PostgresTest
class ViewCounts_PostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Autowired
	ViewCounts counts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsFromTwoNodesAddUp() {
		var article = ArticleBuilder.article(this.context).in("kk").create();
		var other = ArticleBuilder.article(this.context).in("kk").create();
		try (ConfigurableApplicationContext second = TestNodes
			.start(Map.of("spring.datasource.url", this.environment.getProperty("spring.datasource.url"),
					"spring.datasource.username", this.environment.getProperty("spring.datasource.username")))) {
			WebClient here = new WebClient(this.port);
			WebClient there = new WebClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
			view(here, article, 3);
			view(there, article, 4);
			view(there, other, 5);

			// both nodes insert the article's first row for this hour at once: one waits,
			// rolls back and adds to the other's row
			ViewCounts secondCounts = second.getBean(ViewCounts.class);
			CompletableFuture
				.allOf(CompletableFuture.runAsync(this.counts::flush), CompletableFuture.runAsync(secondCounts::flush))
				.join();

			assertThat(total(article)).isEqualTo(7);
			assertThat(total(other)).isEqualTo(5);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM article_views WHERE article_id = :id")
				.param("id", article.id())
				.query(Long.class)
				.single()).as("one row per hour and source").isEqualTo(1);

			// "most read" on the first node reads the second node's views too
			this.context.getBean(MostRead.class).refresh();
			assertThat(Jsoup.parse(here.get("/kk/").body()).select(".most-read li a").eachAttr("href"))
				.startsWith(article.path(), other.path());
		}
	}

	private long total(ArticleBuilder.Created article) {
		return this.jdbc.sql("SELECT SUM(views) FROM article_views WHERE article_id = :id")
			.param("id", article.id())
			.query(Long.class)
			.single();
	}

	private static void view(WebClient web, ArticleBuilder.Created article, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(web
				.post("/" + article.edition() + "/views/" + article.id() + "?r=", "User-Agent", ViewCountsTests.BROWSER)
				.statusCode()).isEqualTo(204);
		}
	}

}
