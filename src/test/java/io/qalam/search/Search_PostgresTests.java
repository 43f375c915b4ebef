package io.qalam.search;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.qalam.PostgresTest;
import io.qalam.content.SearchableArticles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/** The index reads its articles from PostgreSQL as from H2. */
@PostgresTest
class Search_PostgresTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SearchIndex index;

	@Autowired
	SearchableArticles searchable;

	@Test
	void theIndexIsCheckedAgainstPostgresql() throws Exception {
		String word = "pg" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
		var story = article(this.context).in("kk")
			.headline("Мектептер туралы " + word)
			.publishedAt(Instant.parse("2020-02-01T06:00:00Z"))
			.create();
		assertThat(this.searchable.find(story.id())).hasValueSatisfying((a) -> {
			assertThat(a.headline()).contains(word);
			assertThat(a.path()).isEqualTo(story.path());
		});
		this.index.check().get(60, TimeUnit.SECONDS);
		SearchResults results = this.index.search("kk",
				new SearchRequest("мектепке " + word, null, null, null, SearchRequest.Order.RELEVANCE, 1));
		assertThat(results.hits()).extracting(SearchResults.Hit::id).containsExactly(story.id());
		assertThat(this.index.sizes().get("kk")).isEqualTo(this.searchable.count("kk"));
	}

}
