package io.qalam.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles as they are sent elsewhere (Telegram, webhooks): headline, lead, address and
 * lead image (and a live blog's entries, for Telegram), in whatever state the article is
 * now, so that a delivery made late sends the article as it is, and can tell that it is
 * no longer public.
 */
@Component
@Transactional(readOnly = true)
public class DistributedArticles {

	private final JdbcClient jdbc;

	private final ArticlePaths paths;

	DistributedArticles(JdbcClient jdbc, ArticlePaths paths) {
		this.jdbc = jdbc;
		this.paths = paths;
	}

	/** The article in its current state, if it exists. */
	public Optional<Outgoing> find(long id) {
		return this.jdbc.sql("""
				SELECT a.id, a.edition, a.slug, a.status, a.version, a.headline, a.lead, a.published_at, a.updated_at,
				       a.embargo_until, a.lead_image_id, s.slug AS section_slug
				FROM articles a JOIN sections s ON s.id = a.section_id
				WHERE a.id = :id""").param("id", id).query(this::row).optional().map(this::withByline);
	}

	/** An entry of the article's live blog as an editor last wrote it, if it exists. */
	public Optional<OutgoingEntry> entry(long articleId, long entryId) {
		return this.jdbc.sql(
				"SELECT id, entry_text, image_id, embed_link FROM live_entries WHERE id = :id AND article_id = :article")
			.param("id", entryId)
			.param("article", articleId)
			.query((rs, n) -> new OutgoingEntry(rs.getLong("id"), rs.getString("entry_text"),
					PublishedArticles.nullableLong(rs, "image_id"),
					(rs.getString("embed_link") != null) ? rs.getString("embed_link") : ""))
			.optional();
	}

	private Outgoing withByline(Outgoing article) {
		List<String> names = this.jdbc.sql("""
				SELECT an.name FROM article_authors aa
				JOIN author_names an ON an.author_id = aa.author_id AND an.edition = :edition
				WHERE aa.article_id = :id ORDER BY aa.position""")
			.param("edition", article.edition())
			.param("id", article.id())
			.query(String.class)
			.list();
		return new Outgoing(article.id(), article.edition(), article.status(), article.version(), article.path(),
				article.headline(), article.lead(), article.sectionSlug(), article.publishedAt(), article.updatedAt(),
				article.visibleFrom(), article.leadImageId(), names);
	}

	private Outgoing row(ResultSet rs, int n) throws SQLException {
		Instant published = PublishedArticles.instant(rs, "published_at");
		String edition = rs.getString("edition");
		Instant visibleFrom = PublishedArticles.visibleFrom(published, PublishedArticles.instant(rs, "embargo_until"));
		return new Outgoing(rs.getLong("id"), edition, ArticleStatus.valueOf(rs.getString("status")),
				rs.getInt("version"),
				(published != null) ? this.paths.path(edition, published, rs.getString("slug")) : null,
				rs.getString("headline"), rs.getString("lead"), rs.getString("section_slug"), published,
				PublishedArticles.instant(rs, "updated_at"), visibleFrom,
				PublishedArticles.nullableLong(rs, "lead_image_id"), List.of());
	}

	/**
	 * A live blog's entry as it is sent elsewhere.
	 *
	 * @param text plain text, paragraphs apart by an empty line
	 * @param imageId its picture, or null
	 * @param embedLink the link it embeds, or empty
	 */
	public record OutgoingEntry(long id, String text, Long imageId, String embedLink) {
	}

	/**
	 * An article as it is sent elsewhere.
	 *
	 * @param path its public address, or null if it was never published
	 * @param updatedAt when it was last edited after publication, or null
	 * @param visibleFrom from when readers may see it (the end of an embargo, if later
	 * than the publication), or null if it was never published
	 * @param leadImageId the lead image, or null
	 * @param authors the byline's names in the article's edition, in order
	 */
	public record Outgoing(long id, String edition, ArticleStatus status, int version, String path, String headline,
			String lead, String sectionSlug, Instant publishedAt, Instant updatedAt, Instant visibleFrom,
			Long leadImageId, List<String> authors) {

		/** Whether readers may see the article at {@code now}. */
		public boolean visibleAt(Instant now) {
			return this.status == ArticleStatus.PUBLISHED && this.visibleFrom != null && !this.visibleFrom.isAfter(now);
		}

	}

}
