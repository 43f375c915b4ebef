package io.qalam.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's lists of articles in every state, for the dashboard. Never used by the
 * public site, which reads only through {@link PublishedArticles}.
 */
@Component
@Transactional(readOnly = true)
public class NewsroomArticles {

	/** Rows per page of the dashboard. */
	public static final int PAGE_SIZE = 25;

	private static final int MAX_WORDS = 10;

	private final JdbcClient jdbc;

	NewsroomArticles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the articles matching a filter, most recently changed first.
	 * @param page counted from 1; past the last page gives an empty list
	 */
	public Page search(Filter filter, int page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object[]> params = new ArrayList<>();
		if (filter.edition() != null) {
			where.append(" AND a.edition = :edition");
			params.add(new Object[] { "edition", filter.edition() });
		}
		if (filter.sectionSlug() != null) {
			where.append(" AND s.slug = :section");
			params.add(new Object[] { "section", filter.sectionSlug() });
		}
		if (filter.status() != null) {
			where.append(" AND a.status = :status");
			params.add(new Object[] { "status", filter.status().name() });
		}
		if (filter.owner() != null) {
			where.append(" AND a.owner_username = :owner");
			params.add(new Object[] { "owner", filter.owner() });
		}
		if (filter.waitingFor() != null) {
			where.append(" AND a.owner_username <> :waiting");
			params.add(new Object[] { "waiting", filter.waitingFor() });
		}
		if (filter.authorSlug() != null) {
			where.append(" AND a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au"
					+ " ON au.id = aa.author_id WHERE au.slug = :author)");
			params.add(new Object[] { "author", filter.authorSlug() });
		}
		if (filter.changedFrom() != null) {
			where.append(" AND a.modified_at >= :changedFrom");
			params.add(new Object[] { "changedFrom", filter.changedFrom().atOffset(ZoneOffset.UTC) });
		}
		if (filter.changedBefore() != null) {
			where.append(" AND a.modified_at < :changedBefore");
			params.add(new Object[] { "changedBefore", filter.changedBefore().atOffset(ZoneOffset.UTC) });
		}
		if (filter.words() != null) {
			// every word in the headline or the lead; LIKE wildcards typed are searched
			// for
			// literally
			String[] words = filter.words().toLowerCase(Locale.ROOT).strip().split("\\s+");
			for (int i = 0; i < Math.min(words.length, MAX_WORDS); i++) {
				String escaped = words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
				where.append(" AND (LOWER(a.headline) LIKE :w" + i + " ESCAPE '\\' OR LOWER(a.lead) LIKE :w" + i
						+ " ESCAPE '\\')");
				params.add(new Object[] { "w" + i, "%" + escaped + "%" });
			}
		}
		String from = " FROM articles a JOIN sections s ON s.id = a.section_id"
				+ " JOIN section_names sn ON sn.section_id = a.section_id AND sn.edition = a.edition";
		var count = this.jdbc.sql("SELECT COUNT(*)" + from + where);
		for (Object[] p : params) {
			count = count.param((String) p[0], p[1]);
		}
		long total = count.query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		if (page < 1 || page > pages) {
			return new Page(List.of(), page, pages, total);
		}
		var rows = this.jdbc.sql("SELECT a.id, a.edition, a.headline, a.status, a.owner_username, a.modified_by, "
				+ "a.modified_at, a.published_at, a.scheduled_at, sn.name AS section_name" + from + where
				+ " ORDER BY a.modified_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
		for (Object[] p : params) {
			rows = rows.param((String) p[0], p[1]);
		}
		List<Row> items = rows.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query((rs, n) -> row(rs))
			.list();
		return new Page(items, page, pages, total);
	}

	/** The given articles, in any state, by number; unknown numbers are left out. */
	public Map<Long, Row> rows(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Row> found = new HashMap<>();
		this.jdbc.sql("SELECT a.id, a.edition, a.headline, a.status, a.owner_username, a.modified_by, "
				+ "a.modified_at, a.published_at, a.scheduled_at, sn.name AS section_name"
				+ " FROM articles a JOIN section_names sn ON sn.section_id = a.section_id AND sn.edition = a.edition"
				+ " WHERE a.id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> row(rs))
			.list()
			.forEach((r) -> found.put(r.id(), r));
		return found;
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("edition"), rs.getString("headline"),
				ArticleStatus.valueOf(rs.getString("status")), rs.getString("section_name"),
				rs.getString("owner_username"), rs.getString("modified_by"),
				PublishedArticles.instant(rs, "modified_at"), PublishedArticles.instant(rs, "published_at"),
				PublishedArticles.instant(rs, "scheduled_at"));
	}

	/**
	 * What to list; null fields do not filter.
	 *
	 * @param owner the newsroom user who created the articles
	 * @param waitingFor an editor whose review they wait for: others' articles only
	 * @param authorSlug an author the byline names
	 * @param changedFrom last changed at or after
	 * @param changedBefore last changed before
	 * @param words words each of which the headline or the lead contains,
	 * case-insensitive (the first ten count)
	 */
	public record Filter(String edition, String sectionSlug, ArticleStatus status, String owner, String waitingFor,
			String authorSlug, Instant changedFrom, Instant changedBefore, String words) {
	}

	/** One page of the list. */
	public record Page(List<Row> items, int page, int totalPages, long total) {
	}

	/** One article in the list. */
	public record Row(long id, String edition, String headline, ArticleStatus status, String section, String owner,
			String modifiedBy, Instant modifiedAt, Instant publishedAt, Instant scheduledAt) {
	}

}
