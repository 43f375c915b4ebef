package io.qalam.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public site's only way to read articles. Every query here returns only articles
 * that are published and whose publication time has come; nothing else ever reaches a
 * reader through this class. Each method runs a small, fixed number of statements.
 *
 * <p>
 * No transaction around them: at the databases' read-committed isolation each statement
 * sees what was committed when it began either way, and opening, marking read-only and
 * committing one cost several percent of an uncached page (round trips on PostgreSQL).
 */
@Component
public class PublishedArticles {

	/** Articles per page on section, tag and author pages. */
	public static final int PAGE_SIZE = 20;

	// enough for the latest-news column to run as long as the lead stories and section
	// blocks beside it on a wide screen (a phone shows ten)
	static final int LATEST_ON_HOME = 30;

	static final int SECONDARY_ON_HOME = 3;

	// a section's block: its lead teaser and a list of headlines
	static final int PER_SECTION_ON_HOME = 5;

	/** Articles under "Read also". */
	public static final int READ_ALSO = 8;

	// The one definition of "a reader may see this article": published, its time come,
	// and no embargo still running
	private static final String PUBLISHED = "a.status = 'PUBLISHED' AND a.published_at <= :now"
			+ " AND (a.embargo_until IS NULL OR a.embargo_until <= :now)";

	// Newest first, ties by id. The columns fixed by the query lead, so that H2 reads the
	// matching index (V023) in order and stops after the page instead of sorting them all
	static final String NEWEST_IN_EDITION = "a.edition, a.status, a.published_at DESC, a.id DESC";

	private static final String NEWEST_IN_SECTION = "a.section_id, a.edition, a.status, a.published_at DESC, a.id DESC";

	private static final String NEWEST = "a.published_at DESC, a.id DESC";

	// The public pages' rows are read by column position, in the order selected: read by
	// name, H2 builds a map of every column's names for each result (2% of an uncached
	// page). Keep each mapper in step with its column list
	private static final String SUMMARY_COLUMNS = """
			a.id, a.edition, a.slug, a.headline, a.lead, a.published_at, a.lead_image_id,
			s.id AS section_id, s.slug AS section_slug, sn.name AS section_name""";

	private static final String SUMMARY_FROM = """
			FROM articles a
			JOIN sections s ON s.id = a.section_id
			JOIN section_names sn ON sn.section_id = a.section_id AND sn.edition = a.edition""";

	private final JdbcClient jdbc;

	private final MediaLibrary media;

	private final ArticlePaths paths;

	private final Clock clock;

	private final Sections sections;

	private final RecentArticles recent;

	PublishedArticles(JdbcClient jdbc, MediaLibrary media, ArticlePaths paths, Clock clock, Sections sections,
			RecentArticles recent) {
		this.jdbc = jdbc;
		this.media = media;
		this.paths = paths;
		this.clock = clock;
		this.sections = sections;
		this.recent = recent;
	}

	/** The edition's home page: lead story, latest news and a block per section. */
	public HomePage home(String edition) {
		List<SummaryRow> latest = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE a.edition = :ed AND " + PUBLISHED
					+ " ORDER BY " + NEWEST_IN_EDITION + " LIMIT :limit")
			.param("ed", edition)
			.param("now", now())
			.param("limit", LATEST_ON_HOME + 1)
			.query(this::summaryRow)
			.list();
		List<SummaryRow> bySection = newestPerSection(edition);
		Map<Long, ImageView> images = images(latest, bySection);
		List<ArticleSummary> latestSummaries = summaries(latest, images);
		ArticleSummary lead = leadStory(latestSummaries);
		List<ArticleSummary> rest = latestSummaries.stream().filter((s) -> s != lead).limit(LATEST_ON_HOME).toList();
		Map<Long, List<ArticleSummary>> blocks = new LinkedHashMap<>();
		Map<Long, SectionRef> sections = new LinkedHashMap<>();
		for (ArticleSummary summary : summaries(bySection, images)) {
			sections.putIfAbsent(summary.section().id(), summary.section());
			blocks.computeIfAbsent(summary.section().id(), (id) -> new ArrayList<>()).add(summary);
		}
		List<HomePage.SectionBlock> sectionBlocks = blocks.entrySet()
			.stream()
			.map((e) -> new HomePage.SectionBlock(sections.get(e.getKey()), List.copyOf(e.getValue())))
			.toList();
		List<ArticleSummary> secondary = rest.stream()
			.filter((s) -> s.image() != null)
			.limit(SECONDARY_ON_HOME)
			.toList();
		return new HomePage(lead, secondary, rest, sectionBlocks);
	}

	// Each section's newest, in navigation order: one bounded, index-ordered read per
	// section in a single statement (ranking the whole edition with a window function
	// read every article of it)
	private List<SummaryRow> newestPerSection(String edition) {
		List<Long> sections = this.sections.all(edition).stream().map(SectionRef::id).toList();
		if (sections.isEmpty()) {
			return List.of();
		}
		// wrapped in one more SELECT: H2 keeps a parsed SELECT
		// for the next request, never a bare UNION
		StringBuilder sql = new StringBuilder("SELECT * FROM (");
		Map<String, Object> params = new HashMap<>(Map.of("ed", edition, "now", now(), "limit", PER_SECTION_ON_HOME));
		for (int i = 0; i < sections.size(); i++) {
			sql.append((i > 0) ? " UNION ALL " : "")
				.append("SELECT * FROM (SELECT ")
				.append(SUMMARY_COLUMNS)
				.append(' ')
				.append(SUMMARY_FROM)
				.append(" WHERE a.section_id = :s")
				.append(i)
				.append(" AND a.edition = :ed AND ")
				.append(PUBLISHED)
				.append(" ORDER BY ")
				.append(NEWEST_IN_SECTION)
				.append(" LIMIT :limit) s")
				.append(i);
			params.put("s" + i, sections.get(i));
		}
		sql.append(") newest");
		List<SummaryRow> rows = this.jdbc.sql(sql.toString()).params(params).query(this::summaryRow).list();
		// UNION ALL keeps no order by itself: sections in navigation order, newest first
		return rows.stream()
			.sorted(Comparator.comparingInt((SummaryRow r) -> sections.indexOf(r.section.id()))
				.thenComparing(SummaryRow::publishedAt, Comparator.reverseOrder())
				.thenComparing(SummaryRow::id, Comparator.reverseOrder()))
			.toList();
	}

	/** The published article with this id, in whatever edition. */
	public Optional<ArticlePage> article(long id) {
		return this.jdbc.sql(ARTICLE_SELECT + " WHERE a.id = :id AND " + PUBLISHED)
			.param("id", id)
			.param("now", now())
			.query(this::articleRow)
			.optional()
			.map(this::assemble);
	}

	/**
	 * Published articles of an edition newest first, after a cursor rather than by page
	 * number, so that a list read while articles are published skips and repeats nothing
	 * (the content API).
	 * @param filter which articles; any part may be null
	 * @param after the last article of the previous slice, or null for the first
	 * @param limit at most this many
	 */
	public List<ArticleSummary> slice(String edition, Filter filter, ArticleSummary after, int limit) {
		StringBuilder condition = new StringBuilder("a.edition = :ed AND ").append(PUBLISHED);
		Map<String, Object> params = new HashMap<>();
		params.put("ed", edition);
		params.put("now", now());
		if (filter.sectionId() != null) {
			condition.append(" AND a.section_id = :section");
			params.put("section", filter.sectionId());
		}
		if (filter.tagId() != null) {
			condition.append(" AND a.id IN (SELECT t.article_id FROM article_tags t WHERE t.tag_id = :tag)");
			params.put("tag", filter.tagId());
		}
		if (filter.authorId() != null) {
			condition
				.append(" AND a.id IN (SELECT aa.article_id FROM article_authors aa WHERE aa.author_id = :author)");
			params.put("author", filter.authorId());
		}
		if (filter.from() != null) {
			condition.append(" AND a.published_at >= :from");
			params.put("from", utc(filter.from()));
		}
		if (filter.until() != null) {
			condition.append(" AND a.published_at < :until");
			params.put("until", utc(filter.until()));
		}
		if (filter.updatedSince() != null) {
			condition.append(" AND COALESCE(a.updated_at, a.published_at) >= :updated");
			params.put("updated", utc(filter.updatedSince()));
		}
		if (after != null) {
			condition.append(" AND (a.published_at < :afterTime OR (a.published_at = :afterTime AND a.id < :afterId))");
			params.put("afterTime", utc(after.publishedAt()));
			params.put("afterId", after.id());
		}
		List<SummaryRow> rows = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE " + condition + " ORDER BY " + NEWEST
					+ " LIMIT :limit")
			.params(params)
			.param("limit", Math.max(1, limit))
			.query(this::summaryRow)
			.list();
		return summaries(rows, images(rows));
	}

	/**
	 * Which articles {@link #slice} lists.
	 *
	 * @param from published at or after, or null
	 * @param until published before, or null
	 * @param updatedSince published or last updated at or after, or null
	 */
	public record Filter(Long sectionId, Long tagId, Long authorId, Instant from, Instant until, Instant updatedSince) {

		public static final Filter ALL = new Filter(null, null, null, null, null, null);

	}

	/** The published article with this slug in this edition. */
	/** The published article with this slug in this edition. */
	public Optional<ArticlePage> article(String edition, String slug) {
		Optional<ArticleRow> found = this.jdbc.sql(ARTICLE_SELECT + """
				WHERE a.edition = :ed AND a.slug = :slug AND\s""" + PUBLISHED)
			.param("ed", edition)
			.param("slug", slug)
			.param("now", now())
			.query(this::articleRow)
			.optional();
		return found.map(this::assemble);
	}

	/**
	 * The article with this id in whatever state, for the newsroom's preview only (see
	 * {@link ArticlePreviews}). An article never published is shown as if published now.
	 */
	Optional<ArticlePage> anyState(long id) {
		return this.jdbc.sql(ARTICLE_SELECT + " WHERE a.id = :id")
			.param("id", id)
			.query(this::articleRow)
			.optional()
			.map((row) -> (row.publishedAt() != null) ? row : row.publishedNow(this.clock.instant()))
			.map(this::assemble);
	}

	private static final String ARTICLE_SELECT = """
			SELECT a.id, a.story_id, a.edition, a.slug, a.headline, a.lead, b.body_html, a.seo_description,
			       a.lead_image_id, a.lead_image_caption, a.lead_image_credit, a.source_line,
			       a.published_at, a.updated_at, a.section_id, s.slug AS section_slug, sn.name AS section_name,
			       a.live_started_at, a.live_ended_at
			FROM articles a
			JOIN article_bodies b ON b.article_id = a.id
			JOIN sections s ON s.id = a.section_id
			JOIN section_names sn ON sn.section_id = a.section_id AND sn.edition = a.edition
			""";

	/**
	 * The latest published articles of an edition, or of one section of it, newest first
	 * (for feeds).
	 * @param section the section, or null for the whole edition
	 */
	public List<ArticleSummary> latest(String edition, SectionRef section, int limit) {
		String condition = (section != null) ? " AND a.section_id = :section" : "";
		List<SummaryRow> rows = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE a.edition = :ed" + condition + " AND "
					+ PUBLISHED + " ORDER BY " + ((section != null) ? NEWEST_IN_SECTION : NEWEST_IN_EDITION)
					+ " LIMIT :limit")
			.param("ed", edition)
			.param("section", (section != null) ? section.id() : 0L)
			.param("now", now())
			.param("limit", limit)
			.query(this::summaryRow)
			.list();
		return summaries(rows, images(rows));
	}

	/**
	 * The given articles of an edition that readers may see, in the order given; the
	 * others (unpublished, of another edition, unknown) are left out. For "most read".
	 */
	public List<ArticleSummary> visible(String edition, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<SummaryRow> rows = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE a.edition = :ed AND a.id IN (:ids) AND "
					+ PUBLISHED)
			.param("ed", edition)
			.param("ids", ids)
			.param("now", now())
			.query(this::summaryRow)
			.list();
		Map<Long, ArticleSummary> found = new HashMap<>();
		summaries(rows, images(rows)).forEach((a) -> found.put(a.id(), a));
		return ids.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	/**
	 * The next moment after {@code now} at which a published article becomes visible by
	 * itself — its embargo ends, or its publication time comes — with no event to say so.
	 */
	public Optional<Instant> nextVisibleAfter(Instant now) {
		return this.jdbc
			.sql("""
					SELECT (SELECT MIN(published_at) FROM articles WHERE status = 'PUBLISHED' AND published_at > :now) AS p,
					       (SELECT MIN(embargo_until) FROM articles WHERE status = 'PUBLISHED' AND embargo_until > :now) AS e
					""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				Instant published = instant(rs, "p");
				Instant embargo = instant(rs, "e");
				return (published == null || (embargo != null && embargo.isBefore(published))) ? embargo : published;
			})
			.optional();
	}

	/**
	 * The published articles that became visible by themselves after {@code from} and up
	 * to {@code upTo} (see {@link #nextVisibleAfter}), with where readers now see them.
	 */
	public List<BecameVisible> becameVisible(Instant from, Instant upTo) {
		record Row(long id, long storyId, String edition, String path, long sectionId) {
		}
		List<Row> rows = this.jdbc
			.sql("""
					SELECT id, story_id, edition, slug, published_at, section_id FROM articles
					WHERE status = 'PUBLISHED' AND published_at <= :upTo AND (embargo_until IS NULL OR embargo_until <= :upTo)
					  AND (published_at > :from OR embargo_until > :from)""")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("upTo", upTo.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("story_id"), rs.getString("edition"),
					this.paths.path(rs.getString("edition"), instant(rs, "published_at"), rs.getString("slug")),
					rs.getLong("section_id")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> authors = new HashMap<>();
		this.jdbc.sql("SELECT article_id, author_id FROM article_authors WHERE article_id IN (:ids) ORDER BY position")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs) -> {
				authors.computeIfAbsent(rs.getLong("article_id"), (k) -> new ArrayList<>())
					.add(rs.getLong("author_id"));
			});
		Map<Long, List<Long>> tags = new HashMap<>();
		this.jdbc.sql("SELECT article_id, tag_id FROM article_tags WHERE article_id IN (:ids) ORDER BY position")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs) -> {
				tags.computeIfAbsent(rs.getLong("article_id"), (k) -> new ArrayList<>()).add(rs.getLong("tag_id"));
			});
		return rows.stream()
			.map((r) -> new BecameVisible(r.id(), r.edition(), r.storyId(),
					new ArticleEvent.Placement(r.path(), r.sectionId(), authors.getOrDefault(r.id(), List.of()),
							tags.getOrDefault(r.id(), List.of()))))
			.toList();
	}

	/** An article that became visible without an event: where readers now see it. */
	public record BecameVisible(long articleId, String edition, long storyId, ArticleEvent.Placement placement) {
	}

	/** How many articles are published now, in all editions (for sitemaps). */
	public long countPublished() {
		return this.jdbc.sql("SELECT COUNT(*) FROM articles a WHERE " + PUBLISHED)
			.param("now", now())
			.query(Long.class)
			.single();
	}

	/**
	 * A page of all published articles, oldest first, each with its published
	 * translations (for sitemaps with hreflang alternates).
	 */
	public List<Listed> listed(int offset, int limit) {
		return listed("", null, offset, limit);
	}

	/** The articles first published since {@code since}, newest first (news sitemap). */
	public List<Listed> publishedSince(Instant since, int limit) {
		return listed(" AND a.published_at >= :since", since, 0, limit);
	}

	private List<Listed> listed(String condition, Instant since, int offset, int limit) {
		record Row(long id, long storyId, String edition, String path, String headline, Instant publishedAt,
				Instant updatedAt) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT a.id, a.story_id, a.edition, a.slug, a.headline, a.published_at, a.updated_at FROM articles a "
					+ "WHERE " + PUBLISHED + condition
					+ ((since != null) ? " ORDER BY a.published_at DESC, a.id DESC" : " ORDER BY a.id")
					+ " LIMIT :limit OFFSET :offset")
			.param("now", now())
			.param("since", (since != null) ? since.atOffset(ZoneOffset.UTC) : now())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("story_id"), rs.getString("edition"),
					this.paths.path(rs.getString("edition"), instant(rs, "published_at"), rs.getString("slug")),
					rs.getString("headline"), instant(rs, "published_at"), instant(rs, "updated_at")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<String, String>> versions = new HashMap<>();
		this.jdbc
			.sql("SELECT a.story_id, a.edition, a.slug, a.published_at FROM articles a "
					+ "WHERE a.story_id IN (:stories) AND " + PUBLISHED)
			.param("stories", rows.stream().map(Row::storyId).distinct().toList())
			.param("now", now())
			.query((rs) -> {
				versions.computeIfAbsent(rs.getLong("story_id"), (k) -> new LinkedHashMap<>())
					.put(rs.getString("edition"), this.paths.path(rs.getString("edition"), instant(rs, "published_at"),
							rs.getString("slug")));
			});
		return rows.stream()
			.map((r) -> new Listed(r.edition(), r.path(), r.headline(), r.publishedAt(),
					(r.updatedAt() != null) ? r.updatedAt() : r.publishedAt(),
					versions.getOrDefault(r.storyId(), Map.of(r.edition(), r.path()))))
			.toList();
	}

	/**
	 * A published article as sitemaps list it.
	 *
	 * @param versions the story's published versions, edition code to path, this one
	 * included
	 */
	public record Listed(String edition, String path, String headline, Instant publishedAt, Instant modifiedAt,
			Map<String, String> versions) {
	}

	/** One page of a section's published articles, newest first. */
	public ArticleList bySection(String edition, SectionRef section, int page) {
		return list(edition, "a.section_id = :key", NEWEST_IN_SECTION, Map.of("key", section.id()), page);
	}

	/** One page of a tag's published articles, newest first. */
	public ArticleList byTag(TagRef tag, int page) {
		return list(tag.edition(), "a.id IN (SELECT t.article_id FROM article_tags t WHERE t.tag_id = :key)", NEWEST,
				Map.of("key", tag.id()), page);
	}

	/** The bylines of these articles, names in their edition, in order (for feeds). */
	public Map<Long, List<String>> bylines(List<Long> articleIds) {
		Map<Long, List<String>> bylines = new HashMap<>();
		if (articleIds.isEmpty()) {
			return bylines;
		}
		this.jdbc.sql("""
				SELECT aa.article_id, an.name FROM article_authors aa JOIN articles a ON a.id = aa.article_id
				JOIN author_names an ON an.author_id = aa.author_id AND an.edition = a.edition
				WHERE aa.article_id IN (:ids) ORDER BY aa.article_id, aa.position""")
			.param("ids", articleIds)
			.query((rs) -> {
				bylines.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
			});
		return bylines;
	}

	/** One page of an author's published articles in one edition, newest first. */
	public ArticleList byAuthor(AuthorRef author, int page) {
		return list(author.edition(),
				"a.id IN (SELECT aa.article_id FROM article_authors aa WHERE aa.author_id = :key)", NEWEST_IN_EDITION,
				Map.of("key", author.id()), page);
	}

	/**
	 * When a section's articles of an edition were published in a time span (a month of
	 * the archive's calendar): their times only, oldest first.
	 */
	public List<Instant> publicationTimes(String edition, long sectionId, Instant from, Instant until) {
		return this.jdbc
			.sql("SELECT a.published_at FROM articles a WHERE a.edition = :ed AND a.section_id = :section"
					+ " AND a.published_at >= :from AND a.published_at < :until AND " + PUBLISHED
					+ " ORDER BY a.published_at")
			.param("ed", edition)
			.param("section", sectionId)
			.param("from", utc(from))
			.param("until", utc(until))
			.param("now", now())
			.query((rs, n) -> instant(rs, 1))
			.list();
	}

	/**
	 * One page of what an edition published in a time span (a day of the archive), newest
	 * first; only one section's when {@code section} is given.
	 */
	public ArticleList byTime(String edition, Instant from, Instant until, SectionRef section, int page) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", utc(from));
		params.put("until", utc(until));
		String condition = "a.published_at >= :from AND a.published_at < :until";
		if (section != null) {
			params.put("key", section.id());
			condition += " AND a.section_id = :key";
		}
		return list(edition, condition, NEWEST_IN_EDITION, params, page);
	}

	private ArticleList list(String edition, String condition, String order, Map<String, Object> params, int page) {
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM articles a WHERE a.edition = :ed AND " + condition + " AND " + PUBLISHED)
			.params(params)
			.param("ed", edition)
			.param("now", now())
			.query(Long.class)
			.single();
		int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		if (page < 1 || page > totalPages) {
			return new ArticleList(List.of(), page, totalPages);
		}
		List<SummaryRow> rows = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " " + SUMMARY_FROM + " WHERE a.edition = :ed AND " + condition + " AND "
					+ PUBLISHED + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("ed", edition)
			.param("now", now())
			.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query(this::summaryRow)
			.list();
		return new ArticleList(summaries(rows, images(rows)), page, totalPages);
	}

	private ArticlePage assemble(ArticleRow row) {
		// the tags and the byline in one statement: an uncached page makes few round
		// trips
		List<TagRef> tags = new ArrayList<>();
		List<AuthorRef> authors = new ArrayList<>();
		this.jdbc.sql("""
				SELECT 0, t.id, t.slug, t.name, CAST(NULL AS VARCHAR(2000)), atg.position
				FROM article_tags atg JOIN tags t ON t.id = atg.tag_id WHERE atg.article_id = :id
				UNION ALL
				SELECT 1, au.id, au.slug, an.name, an.bio, aa.position
				FROM article_authors aa JOIN authors au ON au.id = aa.author_id
				JOIN author_names an ON an.author_id = aa.author_id AND an.edition = :edition
				WHERE aa.article_id = :id
				ORDER BY 1, 6""").param("id", row.id).param("edition", row.edition).query((rs) -> {
			if (rs.getInt(1) == 0) {
				tags.add(new TagRef(rs.getLong(2), row.edition, rs.getString(3), rs.getString(4)));
			}
			else {
				authors
					.add(new AuthorRef(rs.getLong(2), row.edition, rs.getString(3), rs.getString(4), rs.getString(5)));
			}
		});
		List<ArticlePage.Translation> translations = this.jdbc.sql("""
				SELECT a.edition, a.slug, a.headline, a.published_at FROM articles a
				JOIN editions e ON e.code = a.edition
				WHERE a.story_id = :story AND a.id <> :id AND\s""" + PUBLISHED + " ORDER BY e.position")
			.param("story", row.storyId)
			.param("id", row.id)
			.param("now", now())
			.query((rs, n) -> new ArticlePage.Translation(rs.getString(1),
					this.paths.path(rs.getString(1), instant(rs, 4), rs.getString(2)), rs.getString(3)))
			.list();
		List<RecentArticles.Entry> related = this.recent.readAlso(row.id, row.edition, row.section.id(),
				tags.stream().map(TagRef::id).toList(), this.clock.instant(), READ_ALSO);
		List<Long> imageIds = new ArrayList<>();
		if (row.leadImageId != null) {
			imageIds.add(row.leadImageId);
		}
		related.stream().map(RecentArticles.Entry::leadImageId).filter(Objects::nonNull).forEach(imageIds::add);
		Map<Long, ImageView> images = this.media.findAll(imageIds);
		ArticlePage.LeadImage leadImage = null;
		if (row.leadImageId != null && images.containsKey(row.leadImageId)) {
			ImageView image = images.get(row.leadImageId);
			leadImage = new ArticlePage.LeadImage(image,
					firstNonBlank(row.leadImageCaption, image.caption(row.edition)),
					firstNonBlank(row.leadImageCredit, image.credit(row.edition)));
		}
		List<ArticlePage.Correction> corrections = this.jdbc
			.sql("SELECT note, created_at FROM article_corrections WHERE article_id = :id ORDER BY created_at, id")
			.param("id", row.id)
			.query((rs, n) -> new ArticlePage.Correction(rs.getString(1), instant(rs, 2)))
			.list();
		String description = firstNonBlank(row.seoDescription, row.lead);
		return new ArticlePage(row.id, row.storyId, row.edition, row.slug,
				this.paths.path(row.edition, row.publishedAt, row.slug), row.headline, row.lead, row.bodyHtml,
				description, leadImage, row.sourceLine, row.publishedAt, row.updatedAt, row.section, authors, tags,
				translations, readAlso(row.edition, related, images), corrections, row.live);
	}

	// "Read also" as the edition's newest articles in memory have it (RecentArticles):
	// chosen and shown without reading them again
	private List<ArticleSummary> readAlso(String edition, List<RecentArticles.Entry> related,
			Map<Long, ImageView> images) {
		List<ArticleSummary> summaries = new ArrayList<>(related.size());
		for (RecentArticles.Entry e : related) {
			SectionRef section = this.sections.byId(edition, e.sectionId());
			if (section != null) {
				summaries.add(new ArticleSummary(e.id(), edition, e.path(), e.headline(), null, e.publishedAt(),
						section, (e.leadImageId() != null) ? images.get(e.leadImageId()) : null));
			}
		}
		return summaries;
	}

	// The lead story is the newest article with a photo among the three newest
	private static ArticleSummary leadStory(List<ArticleSummary> latest) {
		return latest.stream()
			.limit(3)
			.filter((s) -> s.image() != null)
			.findFirst()
			.orElse(latest.isEmpty() ? null : latest.get(0));
	}

	@SafeVarargs
	private Map<Long, ImageView> images(List<SummaryRow>... lists) {
		List<Long> ids = new ArrayList<>();
		for (List<SummaryRow> list : lists) {
			list.stream().map(SummaryRow::leadImageId).filter(Objects::nonNull).forEach(ids::add);
		}
		return this.media.findAll(ids.stream().distinct().toList());
	}

	private List<ArticleSummary> summaries(List<SummaryRow> rows, Map<Long, ImageView> images) {
		return rows.stream()
			.map((r) -> new ArticleSummary(r.id, r.edition, this.paths.path(r.edition, r.publishedAt, r.slug),
					r.headline, r.lead, r.publishedAt, r.section,
					(r.leadImageId != null) ? images.get(r.leadImageId) : null))
			.toList();
	}

	// SUMMARY_COLUMNS, by position
	private SummaryRow summaryRow(ResultSet rs, int rowNum) throws SQLException {
		return new SummaryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				instant(rs, 6), nullableLong(rs, 7), new SectionRef(rs.getLong(8), rs.getString(9), rs.getString(10)));
	}

	// ARTICLE_SELECT's columns, by position
	private ArticleRow articleRow(ResultSet rs, int rowNum) throws SQLException {
		String edition = rs.getString(3);
		return new ArticleRow(rs.getLong(1), rs.getLong(2), edition, rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getString(8), nullableLong(rs, 9), rs.getString(10), rs.getString(11),
				rs.getString(12), instant(rs, 13), instant(rs, 14),
				new SectionRef(rs.getLong(15), rs.getString(16), rs.getString(17)),
				(rs.getObject(18) != null) ? new LiveBlogs.Coverage(instant(rs, 18), instant(rs, 19)) : null);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return instant(rs, rs.findColumn(column));
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * From when readers may see an article: its publication, or the end of its embargo if
	 * later (null if it was never published).
	 */
	static Instant visibleFrom(Instant published, Instant embargoUntil) {
		if (published == null) {
			return null;
		}
		return (embargoUntil != null && embargoUntil.isAfter(published)) ? embargoUntil : published;
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		return nullableLong(rs, rs.findColumn(column));
	}

	static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static String firstNonBlank(String preferred, String fallback) {
		return (preferred != null && !preferred.isBlank()) ? preferred : fallback;
	}

	private record SummaryRow(long id, String edition, String slug, String headline, String lead, Instant publishedAt,
			Long leadImageId, SectionRef section) {
	}

	private record ArticleRow(long id, long storyId, String edition, String slug, String headline, String lead,
			String bodyHtml, String seoDescription, Long leadImageId, String leadImageCaption, String leadImageCredit,
			String sourceLine, Instant publishedAt, Instant updatedAt, SectionRef section, LiveBlogs.Coverage live) {

		ArticleRow publishedNow(Instant now) {
			return new ArticleRow(this.id, this.storyId, this.edition, this.slug, this.headline, this.lead,
					this.bodyHtml, this.seoDescription, this.leadImageId, this.leadImageCaption, this.leadImageCredit,
					this.sourceLine, now, this.updatedAt, this.section, this.live);
		}

	}

}
