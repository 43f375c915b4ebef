package io.qalam.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.ArticleBatch;
import io.qalam.content.ArticleEvent;
import io.qalam.content.ArticlePaths;
import io.qalam.content.BulkWrites;
import io.qalam.content.NewArticle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Articles written in bulk (demo content, imports) go through content's write path: the
 * batch events it raises are followed by the page cache, "Read also" and search with no
 * refresh by hand, and readers are not told of them.
 */
@QalamTest
class BulkWritesTests {

	@LocalServerPort
	int port;

	@Autowired
	BulkWrites bulk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	EventSerializer serializer;

	@Autowired
	ArticlePaths paths;

	@Test
	void aBulkWriteIsFollowedByThePageCacheReadAlsoAndSearch() {
		WebClient web = new WebClient(this.port);
		String section = "/en/section/economy";
		web.get(section);
		assertThat(web.get(section).headers().firstValue("X-Cache")).contains("HIT");

		String marker = "bulk" + UUID.randomUUID().toString().substring(0, 8);
		long sectionId = this.jdbc.sql("SELECT id FROM sections WHERE slug = 'economy'").query(Long.class).single();
		Instant now = this.clock.instant();
		List<NewArticle> articles = new ArrayList<>();
		for (int i = 0; i < 450; i++) {
			articles.add(new NewArticle(this.bulk.createStory(), "en", sectionId, null, "Archive " + marker + " " + i,
					"A lead.", "<p>Archived text.</p><script>alert(1)</script>", null, null, null, null, null,
					now.minus(Duration.ofMinutes(450 - i)), List.of(marker)));
		}
		List<Long> ids = this.bulk.insertPublished(ArticleEvent.Origin.IMPORT, articles);
		assertThat(ids).hasSize(450);

		// the kept page was evicted: the newest imported article leads the section
		var after = web.get(section);
		assertThat(after.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(after.body()).contains("Archive " + marker + " 449");
		// "Read also" knows them: the articles sharing the tag
		String slug = this.jdbc.sql("SELECT slug FROM articles WHERE id = :id")
			.param("id", ids.get(0))
			.query(String.class)
			.single();
		var page = web.page(this.paths.path("en", articles.get(0).publishedAt(), slug));
		assertThat(page.select(".read-also .teaser-headline a").eachText())
			.allSatisfy((headline) -> assertThat(headline).startsWith("Archive " + marker))
			.isNotEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(web.get("/en/search?q=" + marker).body()).contains("Articles found: 450"));
		// sanitized on the way in
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM article_bodies WHERE article_id IN (:ids) AND body_html LIKE '%script%'")
			.param("ids", ids)
			.query(Long.class)
			.single()).isZero();
		// readers are not told of an archive: no Telegram post, no webhook delivery
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM telegram_posts WHERE article_id IN (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE article_id IN (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBatchFitsTheEventRegistryAndTellsNoReaders() {
		ArticleBatch largest = new ArticleBatch(ArticleEvent.Origin.IMPORT, "kk",
				LongStream.range(1_000_000_000_000L, 1_000_000_000_000L + ArticleBatch.MOST).boxed().toList());
		// H2's event_publication.serialized_event holds 4,000 characters
		assertThat(this.serializer.serialize(largest).toString()).hasSizeLessThan(4_000);
		assertThatIllegalArgumentException().isThrownBy(() -> new ArticleBatch(ArticleEvent.Origin.IMPORT, "kk",
				LongStream.range(0, ArticleBatch.MOST + 1).boxed().toList()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArticleBatch(ArticleEvent.Origin.NEWSROOM, "kk", List.of(1L)));
	}

}
