package io.qalam.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The workflow's statements: what {@link ArticleWorkflow} reads to decide and writes once
 * it has decided. Every update is guarded by the version the user loaded and returns the
 * rows it changed (none: someone saved in between).
 */
@Component
class ArticleRows {

	private final JdbcClient jdbc;

	private final ArticleStore store;

	ArticleRows(JdbcClient jdbc, ArticleStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	Optional<State> load(long id) {
		return this.jdbc.sql("""
				SELECT id, story_id, edition, slug, status, version, owner_username, headline, lead, section_id,
				       published_at, updated_at, embargo_until
				FROM articles WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new State(rs.getLong("id"), rs.getLong("story_id"), rs.getString("edition"),
					rs.getString("slug"), ArticleStatus.valueOf(rs.getString("status")), rs.getInt("version"),
					rs.getString("owner_username"), rs.getString("headline"), rs.getString("lead"),
					rs.getLong("section_id"), authorIds(id), PublishedArticles.instant(rs, "published_at"),
					PublishedArticles.instant(rs, "updated_at"), PublishedArticles.instant(rs, "embargo_until")))
			.optional();
	}

	/** The article as the editor form shows it, in any state. */
	Optional<EditableArticle> find(long id) {
		return this.jdbc.sql("""
				SELECT a.id, a.story_id, a.edition, a.slug, a.headline, a.lead, b.body_html, a.seo_description,
				       a.source_line, a.status, a.version, a.owner_username, a.published_at, a.scheduled_at,
				       a.embargo_until, a.lead_image_id, a.lead_image_caption, a.lead_image_credit,
				       s.slug AS section_slug
				FROM articles a JOIN article_bodies b ON b.article_id = a.id JOIN sections s ON s.id = a.section_id
				WHERE a.id = :id""")
			.param("id", id)
			.query((rs, n) -> new EditableArticle(rs.getLong("id"), rs.getLong("story_id"), rs.getString("edition"),
					ArticleStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("owner_username"),
					PublishedArticles.instant(rs, "published_at"), PublishedArticles.instant(rs, "scheduled_at"),
					PublishedArticles.instant(rs, "embargo_until"),
					new Draft(rs.getString("headline"), rs.getString("lead"), rs.getString("body_html"),
							rs.getString("section_slug"), tagNames(rs.getLong("id")), rs.getString("slug"),
							rs.getString("source_line"), rs.getString("seo_description"), authorSlugs(rs.getLong("id")),
							null, rs.getObject("lead_image_id", Long.class), rs.getString("lead_image_caption"),
							rs.getString("lead_image_credit"))))
			.optional();
	}

	// A revision's settings columns and the editor's names of their fields
	private static final String[][] SETTINGS = { { "section_slug", "sectionSlug" }, { "tags", "tags" },
			{ "authors", "authorSlug" }, { "slug", "slug" }, { "seo_description", "seoDescription" },
			{ "source_line", "sourceLine" }, { "lead_image", "leadImage" } };

	int latestRevision(long id) {
		return this.jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM article_revisions WHERE article_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/** All revisions of an article, newest first. */
	List<Revision> revisions(long id) {
		return this.jdbc.sql("""
				SELECT article_id, number, headline, lead, body_html, saved_by, saved_at, note, section_slug, tags,
				       authors, slug, seo_description, source_line, lead_image
				FROM article_revisions WHERE article_id = :id ORDER BY number DESC""")
			.param("id", id)
			.query(ArticleRows::revision)
			.list();
	}

	/** The other editions' versions of the same story, as edition code to article id. */
	Map<String, Long> translations(long id) {
		Map<String, Long> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT b.edition, b.id FROM articles a JOIN articles b ON b.story_id = a.story_id AND b.id <> a.id
				JOIN editions e ON e.code = b.edition WHERE a.id = :id ORDER BY e.position""")
			.param("id", id)
			.query((rs) -> {
				found.put(rs.getString("edition"), rs.getLong("id"));
			});
		return found;
	}

	/** The story's article in an edition, if it has one. */
	Optional<Long> inEdition(long story, String edition) {
		return this.jdbc.sql("SELECT id FROM articles WHERE story_id = :story AND edition = :ed")
			.param("story", story)
			.param("ed", edition)
			.query(Long.class)
			.optional();
	}

	List<Long> tagIds(long id) {
		return this.jdbc.sql("SELECT tag_id FROM article_tags WHERE article_id = :id ORDER BY position")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	/** The text and settings; the public "updated" time is given. */
	int updateText(long id, int version, DraftCheck.Checked checked, String slug, OffsetDateTime updatedAt,
			OffsetDateTime now, String by) {
		return withText(this.jdbc.sql("""
				UPDATE articles SET section_id = :section, slug = :slug, headline = :headline,
				    lead = :lead, seo_description = :seo, source_line = :source,
				    lead_image_id = :image, lead_image_caption = :imageCaption, lead_image_credit = :imageCredit,
				    updated_at = :updated, modified_at = :now, modified_by = :by, version = version + 1
				WHERE id = :id AND version = :version"""), checked, slug).param("updated", updatedAt)
			.param("now", now)
			.param("by", by)
			.param("id", id)
			.param("version", version)
			.update();
	}

	void addCorrection(long id, String note, String by, OffsetDateTime now) {
		this.jdbc.sql("""
				INSERT INTO article_corrections (article_id, note, created_by, created_at)
				VALUES (:id, :note, :by, :now)""")
			.param("id", id)
			.param("note", note)
			.param("by", by)
			.param("now", now)
			.update();
	}

	/**
	 * @param newVersion false when the same click already made one (a save)
	 */
	int updateStatus(long id, int version, boolean newVersion, ArticleStatus status, Instant scheduledAt,
			OffsetDateTime publishedAt, OffsetDateTime updatedAt, OffsetDateTime now, String by) {
		return this.jdbc.sql("""
				UPDATE articles SET status = :status, scheduled_at = :scheduledAt,
				    published_at = :publishedAt, updated_at = :updatedAt,
				    modified_at = :now, modified_by = :by, version = version + :step
				WHERE id = :id AND version = :version""")
			.param("status", status.name())
			.param("scheduledAt", utc(scheduledAt))
			.param("publishedAt", publishedAt)
			.param("updatedAt", updatedAt)
			.param("now", now)
			.param("by", by)
			.param("id", id)
			.param("step", newVersion ? 1 : 0)
			.param("version", version)
			.update();
	}

	int updateEmbargo(long id, int version, boolean newVersion, Instant until, OffsetDateTime now, String by) {
		return this.jdbc.sql("""
				UPDATE articles SET embargo_until = :until, modified_at = :now, modified_by = :by,
				    version = version + :step
				WHERE id = :id AND version = :version""")
			.param("until", utc(until))
			.param("now", now)
			.param("by", by)
			.param("step", newVersion ? 1 : 0)
			.param("id", id)
			.param("version", version)
			.update();
	}

	/** Clears an embargo that has ended; no row when another node did it first. */
	int clearEndedEmbargo(long id, long version, OffsetDateTime now) {
		return this.jdbc.sql("""
				UPDATE articles SET embargo_until = NULL, version = version + 1
				WHERE id = :id AND version = :version AND embargo_until <= :now""")
			.param("id", id)
			.param("version", version)
			.param("now", now)
			.update();
	}

	/**
	 * Deletes an article and everything that refers to it (autosaves and presence too).
	 */
	int delete(long id, int version) {
		for (String table : List.of("article_tags", "article_authors", "article_bodies", "article_revisions",
				"article_corrections", "article_autosaves", "article_presence")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE article_id = :id").param("id", id).update();
		}
		return this.jdbc.sql("DELETE FROM articles WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.update();
	}

	/** Scheduled articles whose time has come, as id and version, oldest first. */
	List<long[]> scheduledDue(OffsetDateTime now) {
		return idsAndVersions("status = 'SCHEDULED' AND scheduled_at <= :now ORDER BY scheduled_at", now);
	}

	/** Published articles whose embargo has ended, as id and version, oldest first. */
	List<long[]> embargoEnded(OffsetDateTime now) {
		return idsAndVersions("status = 'PUBLISHED' AND embargo_until <= :now ORDER BY embargo_until", now);
	}

	private List<long[]> idsAndVersions(String condition, OffsetDateTime now) {
		return this.jdbc.sql("SELECT id, version FROM articles WHERE " + condition)
			.param("now", now)
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("version") })
			.list();
	}

	/** Stores a new draft of a story, owned by {@code owner}; returns its id. */
	long insertDraft(long story, String edition, String slug, DraftCheck.Checked checked, String owner,
			OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		withText(this.jdbc.sql("""
				INSERT INTO articles (story_id, edition, section_id, slug, headline, lead,
				    seo_description, source_line, lead_image_id, lead_image_caption, lead_image_credit, status,
				    created_at, modified_at, version, owner_username, modified_by)
				VALUES (:story, :edition, :section, :slug, :headline, :lead, :seo, :source, :image,
				    :imageCaption, :imageCredit, 'DRAFT', :now, :now, 0, :owner, :owner)"""), checked, slug)
			.param("story", story)
			.param("edition", edition)
			.param("now", now)
			.param("owner", owner)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		this.store.insertBody(id, checked.bodyHtml());
		this.store.insertAuthors(id, checked.authorIds());
		return id;
	}

	void replaceTags(long id, String edition, List<String> tags) {
		this.jdbc.sql("DELETE FROM article_tags WHERE article_id = :id").param("id", id).update();
		int position = 0;
		for (String tag : tags) {
			this.jdbc.sql("INSERT INTO article_tags (article_id, tag_id, position) VALUES (:id, :tag, :position)")
				.param("id", id)
				.param("tag", this.store.tag(edition, tag))
				.param("position", position++)
				.update();
		}
	}

	/** The byline, in its order. */
	void replaceAuthors(long id, List<Long> authorIds) {
		this.jdbc.sql("DELETE FROM article_authors WHERE article_id = :id").param("id", id).update();
		this.store.insertAuthors(id, authorIds);
	}

	List<Long> authorIds(long id) {
		return this.jdbc.sql("SELECT author_id FROM article_authors WHERE article_id = :id ORDER BY position")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	private List<String> authorSlugs(long id) {
		return this.jdbc.sql("""
				SELECT au.slug FROM article_authors aa JOIN authors au ON au.id = aa.author_id
				WHERE aa.article_id = :id ORDER BY aa.position""").param("id", id).query(String.class).list();
	}

	List<String> tagNames(long id) {
		return this.jdbc.sql("""
				SELECT t.name FROM article_tags atg JOIN tags t ON t.id = atg.tag_id
				WHERE atg.article_id = :id ORDER BY atg.position""").param("id", id).query(String.class).list();
	}

	/**
	 * A revision for an action that changed no text (unpublished, back to draft, embargo
	 * lifted): the latest revision's text and settings again, with who did what.
	 */
	void markRevision(long id, String by, String note, OffsetDateTime now) {
		this.jdbc
			.sql("""
					INSERT INTO article_revisions (article_id, number, headline, lead, body_html, saved_by, saved_at, note,
					    section_slug, tags, authors, slug, seo_description, source_line, lead_image)
					SELECT article_id, number + 1, headline, lead, body_html, :by, :now, :note, section_slug, tags, authors,
					    slug, seo_description, source_line, lead_image
					FROM article_revisions
					WHERE article_id = :id AND number = (SELECT MAX(number) FROM article_revisions WHERE article_id = :id)""")
			.param("id", id)
			.param("by", by)
			.param("now", now)
			.param("note", note)
			.update();
	}

	/**
	 * Keeps the article as just saved: its text and every setting, as the history shows
	 * them (section and authors by their slugs, the lead image as number, caption,
	 * credit).
	 */
	void addRevision(long id, DraftCheck.Checked text, String by, String note, OffsetDateTime now) {
		int next = this.jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM article_revisions WHERE article_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO article_revisions (article_id, number, headline, lead, body_html, saved_by, saved_at, note,
				    section_slug, tags, authors, slug, seo_description, source_line, lead_image)
				VALUES (:id, :number, :headline, :lead, :body, :by, :now, :note, :section, :tags, :authors, :slug,
				    :seo, :source, :image)""")
			.param("section",
					this.jdbc.sql("SELECT slug FROM sections WHERE id = :id")
						.param("id", text.sectionId())
						.query(String.class)
						.optional()
						.orElse(""))
			.param("tags", String.join(", ", text.tags()))
			.param("authors", String.join(", ", authorSlugs(id)))
			.param("slug",
					this.jdbc.sql("SELECT slug FROM articles WHERE id = :id")
						.param("id", id)
						.query(String.class)
						.single())
			.param("seo", (text.seoDescription() != null) ? text.seoDescription() : "")
			.param("source", (text.sourceLine() != null) ? text.sourceLine() : "")
			.param("image",
					(text.leadImageId() == null) ? ""
							: String
								.join(" · ",
										List.of(text.leadImageId().toString(),
												(text.leadImageCaption() != null) ? text.leadImageCaption() : "",
												(text.leadImageCredit() != null) ? text.leadImageCredit() : ""))
								.strip())
			.param("id", id)
			.param("number", next)
			.param("headline", text.headline())
			.param("lead", text.lead())
			.param("body", text.bodyHtml())
			.param("by", by)
			.param("now", now)
			.param("note", note)
			.update();
	}

	private static Revision revision(ResultSet rs, int row) throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String[] column : SETTINGS) {
			String value = rs.getString(column[0]);
			if (value != null) {
				settings.put(column[1], value);
			}
		}
		return new Revision(rs.getLong("article_id"), rs.getInt("number"), rs.getString("headline"),
				rs.getString("lead"), rs.getString("body_html"), rs.getString("saved_by"),
				PublishedArticles.instant(rs, "saved_at"), rs.getString("note"), settings);
	}

	// The form's text and settings, as both a new draft and a save store them
	private static JdbcClient.StatementSpec withText(JdbcClient.StatementSpec statement, DraftCheck.Checked checked,
			String slug) {
		return statement.param("section", checked.sectionId())
			.param("slug", slug)
			.param("headline", checked.headline())
			.param("lead", checked.lead())
			.param("seo", checked.seoDescription())
			.param("source", checked.sourceLine())
			.param("image", checked.leadImageId())
			.param("imageCaption", checked.leadImageCaption())
			.param("imageCredit", checked.leadImageCredit());
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** An article as the workflow decides on it. */
	record State(long id, long storyId, String edition, String slug, ArticleStatus status, int version, String owner,
			String headline, String lead, long sectionId, List<Long> authorIds, Instant publishedAt, Instant updatedAt,
			Instant embargoUntil) {
	}

}
