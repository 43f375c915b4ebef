package io.qalam.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.qalam.edition.Slugs;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes stories, articles, tags and authors. Bodies are sanitized here, on the way in,
 * so that what is stored is what may be shown.
 */
@Component
class ArticleStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	ArticleStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Runs a write that may meet a unique key another transaction took a moment ago (two
	 * people using the same new tag, or the same headline, at once): in a savepoint, so
	 * that the surrounding transaction stays usable (PostgreSQL aborts it otherwise), and
	 * once more after each clash, when {@code attempt} looks again and finds the other's
	 * row.
	 */
	<T> T despiteClashes(Supplier<T> attempt) {
		for (int clashes = 0;; clashes++) {
			try {
				return this.savepoint.execute((status) -> attempt.get());
			}
			catch (DuplicateKeyException ex) {
				if (clashes == 4) {
					throw ex;
				}
				// CASE: H2 refuses the duplicate before the other transaction commits
				sleep(20L << clashes);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long createStory() {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO stories (created_at) VALUES (:now)")
			.param("now", utc(this.clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The byline of an article that has none yet, in order. */
	void insertAuthors(long articleId, List<Long> authorIds) {
		int position = 0;
		for (long author : authorIds) {
			this.jdbc
				.sql("INSERT INTO article_authors (article_id, position, author_id) VALUES (:id, :position, :author)")
				.param("id", articleId)
				.param("position", position++)
				.param("author", author)
				.update();
		}
	}

	/**
	 * Stores an article as already published, with a slug derived from its headline and
	 * unique in its edition. Raises no event: {@link BulkWrites} raises one per batch.
	 * @return the new article's id
	 */
	long insertPublished(NewArticle article) {
		String slug = allocateSlug(article.edition(), article.headline());
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO articles (story_id, edition, section_id, slug, headline, lead,
				    seo_description, lead_image_id, lead_image_caption, lead_image_credit, source_line, status,
				    published_at, updated_at, created_at, modified_at, version)
				VALUES (:story, :edition, :section, :slug, :headline, :lead, :description, :image,
				    :caption, :credit, :source, :status, :published, NULL, :now, :now, 0)""")
			.param("story", article.storyId())
			.param("edition", article.edition())
			.param("section", article.sectionId())
			.param("slug", slug)
			.param("headline", article.headline())
			.param("lead", article.lead())
			.param("description", article.seoDescription())
			.param("image", article.leadImageId())
			.param("caption", article.leadImageCaption())
			.param("credit", article.leadImageCredit())
			.param("source", article.sourceLine())
			.param("status", ArticleStatus.PUBLISHED.name())
			.param("published", utc(article.publishedAt()))
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertBody(id, BodySanitizer.sanitize(article.bodyHtml()));
		insertAuthors(id, article.authorIds());
		int position = 0;
		for (String tag : article.tags()) {
			long tagId = tag(article.edition(), tag);
			this.jdbc.sql("INSERT INTO article_tags (article_id, tag_id, position) VALUES (:article, :tag, :position)")
				.param("article", id)
				.param("tag", tagId)
				.param("position", position++)
				.update();
		}
		return id;
	}

	/** Stores the body of a new article; already sanitized. */
	void insertBody(long articleId, String bodyHtml) {
		this.jdbc.sql("INSERT INTO article_bodies (article_id, body_html) VALUES (:id, :body)")
			.param("id", articleId)
			.param("body", bodyHtml)
			.update();
	}

	/** Replaces an article's body; already sanitized. */
	void replaceBody(long articleId, String bodyHtml) {
		int updated = this.jdbc.sql("UPDATE article_bodies SET body_html = :body WHERE article_id = :id")
			.param("id", articleId)
			.param("body", bodyHtml)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Article " + articleId + " has no body row");
		}
	}

	/** The tag with this name in this edition, created when new. */
	long tag(String edition, String name) {
		String slug = Slugs.slugify(name);
		if (slug.isEmpty()) {
			throw new IllegalArgumentException("Tag '" + name + "' has no letters or digits");
		}
		return despiteClashes(() -> this.jdbc.sql("SELECT id FROM tags WHERE edition = :ed AND slug = :slug")
			.param("ed", edition)
			.param("slug", slug)
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				KeyHolder keys = new GeneratedKeyHolder();
				this.jdbc.sql("INSERT INTO tags (edition, slug, name) VALUES (:ed, :slug, :name)")
					.param("ed", edition)
					.param("slug", slug)
					.param("name", name.strip())
					.update(keys, "id");
				return keys.getKey().longValue();
			}));
	}

	/** Creates an author with a name and biography per edition. */
	long createAuthor(String slug, Map<String, AuthorName> names) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO authors (slug) VALUES (:slug)").param("slug", slug).update(keys, "id");
		long id = keys.getKey().longValue();
		names.forEach((edition, name) -> this.jdbc
			.sql("INSERT INTO author_names (author_id, edition, name, bio) VALUES (:id, :ed, :name, :bio)")
			.param("id", id)
			.param("ed", edition)
			.param("name", name.name())
			.param("bio", name.bio())
			.update());
		return id;
	}

	/**
	 * A slug for a headline that no article of the edition uses yet: the transliterated
	 * headline, or with {@code -2}, {@code -3} … on a clash.
	 */
	String allocateSlug(String edition, String headline) {
		String base = Slugs.slugify(headline);
		if (base.isEmpty()) {
			base = "article";
		}
		String prefix = Slugs.truncate(base, Slugs.MAX_LENGTH - 4);
		Set<String> taken = new HashSet<>(
				this.jdbc.sql("SELECT slug FROM articles WHERE edition = :ed AND (slug = :base OR slug LIKE :prefix)")
					.param("ed", edition)
					.param("base", base)
					.param("prefix", prefix + "-%")
					.query(String.class)
					.list());
		if (!taken.contains(base)) {
			return base;
		}
		for (int n = 2;; n++) {
			String candidate = prefix + "-" + n;
			if (!taken.contains(candidate)) {
				return candidate;
			}
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record AuthorName(String name, String bio) {
	}

}
