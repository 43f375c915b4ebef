package io.qalam.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.AfterCommit;
import io.qalam.platform.ClusterSignals;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest published articles of each edition — id, section, time and tags, and what
 * "Read also" shows of them (address, headline, picture) — kept in memory, because "Read
 * also" ranks and shows them on every article page: ranking in SQL was most of an
 * uncached article page's cost, and reading the chosen eight again a tenth of it.
 * <p>
 * Read from the database on first use. Kept current by article events: here right after
 * the change commits (before the kept pages are evicted, so a page rendered again sees
 * the change), on the other nodes through {@link ClusterSignals}; a node that may have
 * missed signals reads everything again. Articles scheduled for later are held too: the
 * time asked for decides what is visible. An article leaves as soon as it is no longer
 * published: its event reads it again before the kept pages are evicted.
 */
@Component
class RecentArticles {

	static final String CHANNEL = "qalam_recent";

	/**
	 * Articles held per edition, newest by publication time: about a month of a busy
	 * newsroom.
	 */
	static final int WINDOW = 5000;

	private static final Pattern IDS = Pattern.compile("\\d{1,18}( \\d{1,18})*");

	private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::publishedAt)
		.thenComparingLong(Entry::id)
		.reversed();

	private final JdbcClient jdbc;

	private final Editions editions;

	private final ArticlePaths paths;

	private final int window;

	private final ClusterSignals signals;

	// by edition code; null until read (again)
	private volatile Map<String, Newest> newest;

	@Autowired
	RecentArticles(JdbcClient jdbc, Editions editions, ArticlePaths paths, ClusterSignals signals) {
		this(jdbc, editions, paths, signals, WINDOW);
		signals.on(CHANNEL, this::onSignal, this::forget);
	}

	/** For tests: holding {@code window} articles per edition, on one node. */
	RecentArticles(JdbcClient jdbc, Editions editions, ArticlePaths paths, int window) {
		this(jdbc, editions, paths, null, window);
	}

	private RecentArticles(JdbcClient jdbc, Editions editions, ArticlePaths paths, ClusterSignals signals, int window) {
		this.jdbc = jdbc;
		this.editions = editions;
		this.paths = paths;
		this.signals = signals;
		this.window = window;
	}

	/**
	 * Articles are being changed in this transaction: read them again once it commits, on
	 * every node. Called by {@link ArticleChanges} before it tells anyone else, so that
	 * this runs first among the after-commit work.
	 */
	void changed(List<Long> ids) {
		if (this.signals != null) {
			this.signals.send(CHANNEL, String.join(" ", ids.stream().map(String::valueOf).toList()));
		}
		AfterCommit.run(() -> refresh(ids));
	}

	private void onSignal(String message) {
		if (!IDS.matcher(message).matches()) {
			forget();
			return;
		}
		refresh(Arrays.stream(message.split(" ")).map(Long::valueOf).toList());
	}

	/** Reads everything again on next use. */
	void forget() {
		synchronized (this) {
			this.newest = null;
		}
	}

	/**
	 * Reads these articles again (after a change that published no event, or one from
	 * another node). Nothing to do while nothing has been read.
	 */
	void refresh(Collection<Long> ids) {
		synchronized (this) {
			Map<String, Newest> current = this.newest;
			if (current == null) {
				return;
			}
			try {
				this.newest = changed(current, ids);
			}
			catch (RuntimeException ex) {
				// the database is away: read everything again on next use rather than
				// rank with a stale article
				this.newest = null;
				throw ex;
			}
		}
	}

	// The index with these articles read again: gone if no longer published
	private Map<String, Newest> changed(Map<String, Newest> current, Collection<Long> ids) {
		Map<String, List<Entry>> changed = new HashMap<>();
		for (Newest edition : current.values()) {
			List<Entry> kept = edition.articles.stream().filter((e) -> !ids.contains(e.id())).toList();
			if (kept.size() != edition.articles.size()) {
				changed.put(edition.code, new ArrayList<>(kept));
			}
		}
		for (Row row : rows("a.id IN (:ids)", "atg.article_id IN (:ids)", Map.of("ids", ids))) {
			if (current.containsKey(row.edition)) {
				changed.computeIfAbsent(row.edition, (code) -> new ArrayList<>(current.get(code).articles))
					.add(row.entry);
			}
		}
		Map<String, Newest> next = new LinkedHashMap<>(current);
		changed.forEach((code, entries) -> next.put(code, new Newest(code, entries, this.window)));
		return next;
	}

	/**
	 * "Read also" for an article: shared tags weigh most (two for each), then the same
	 * section (one), then recency. Only three kinds of article can make the list: the
	 * best of those sharing a tag, the section's latest and the edition's latest.
	 * @param tags the article's tags
	 * @return the chosen articles, best first, at most {@code limit}
	 */
	List<Entry> readAlso(long id, String edition, long section, List<Long> tags, Instant now, int limit) {
		Newest newest = newest().get(edition);
		if (newest == null) {
			return List.of();
		}
		Map<Entry, Integer> shared = new HashMap<>();
		for (long tag : tags.stream().distinct().toList()) {
			for (Entry e : newest.byTag.getOrDefault(tag, List.of())) {
				if (e.id() != id && e.visibleAt(now)) {
					shared.merge(e, 1, Integer::sum);
				}
			}
		}
		List<Candidate> chosen = new ArrayList<>(limit + 1);
		shared.forEach(
				(e, count) -> offer(chosen, new Candidate(e, count * 2 + ((e.sectionId() == section) ? 1 : 0)), limit));
		// then those sharing no tag: the section's latest and the edition's latest
		int inSection = 0;
		int inEdition = 0;
		for (Entry e : newest.articles) {
			if (inSection >= limit && inEdition >= limit) {
				break;
			}
			if (e.id() == id || !e.visibleAt(now)) {
				continue;
			}
			boolean sameSection = e.sectionId() == section;
			boolean wanted = (sameSection && inSection < limit) || inEdition < limit;
			inSection += sameSection ? 1 : 0;
			inEdition++;
			if (wanted && !shared.containsKey(e)) {
				offer(chosen, new Candidate(e, sameSection ? 1 : 0), limit);
			}
		}
		return chosen.stream().map(Candidate::entry).toList();
	}

	private record Candidate(Entry entry, int relevance) {

		// more relevant first, then newer, then the later id
		boolean before(Candidate other) {
			if (this.relevance != other.relevance) {
				return this.relevance > other.relevance;
			}
			int time = this.entry.publishedAt().compareTo(other.entry.publishedAt());
			return (time != 0) ? time > 0 : this.entry.id() > other.entry.id();
		}

	}

	// Keeps the best {@code limit} candidates in order (the result does not depend on the
	// order they come in: no two candidates rank alike)
	private static void offer(List<Candidate> chosen, Candidate candidate, int limit) {
		int at = chosen.size();
		while (at > 0 && candidate.before(chosen.get(at - 1))) {
			at--;
		}
		if (at < limit) {
			chosen.add(at, candidate);
			if (chosen.size() > limit) {
				chosen.remove(limit);
			}
		}
	}

	private Map<String, Newest> newest() {
		Map<String, Newest> current = this.newest;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.newest == null) {
				Map<String, Newest> read = new LinkedHashMap<>();
				for (Edition edition : this.editions.all()) {
					read.put(edition.code(), read(edition.code()));
				}
				this.newest = read;
			}
			return this.newest;
		}
	}

	// One edition's newest, by the index on (edition, status, published_at DESC, id DESC)
	private Newest read(String edition) {
		String newest = " ORDER BY " + PublishedArticles.NEWEST_IN_EDITION + " LIMIT :window";
		List<Row> rows = rows("a.edition = :ed" + newest,
				"atg.article_id IN (SELECT a.id FROM articles a WHERE a.edition = :ed AND a.status = 'PUBLISHED'"
						+ newest + ")",
				Map.of("ed", edition, "window", this.window));
		return new Newest(edition, rows.stream().map(Row::entry).toList(), this.window);
	}

	private record Row(String edition, Entry entry) {
	}

	// Published articles matching the condition, with their tags (those of article_tags
	// matching the second): two statements
	private List<Row> rows(String condition, String tagCondition, Map<String, Object> params) {
		record Article(long id, String edition, long sectionId, Instant publishedAt, Instant visibleFrom, String path,
				String headline, Long leadImageId) {
		}
		List<Article> articles = this.jdbc.sql("""
				SELECT a.id, a.edition, a.section_id, a.published_at, a.embargo_until, a.slug, a.headline,
				       a.lead_image_id
				FROM articles a WHERE a.status = 'PUBLISHED' AND\s""" + condition).params(params).query((rs, n) -> {
			String edition = rs.getString("edition");
			Instant published = PublishedArticles.instant(rs, "published_at");
			return new Article(rs.getLong("id"), edition, rs.getLong("section_id"), published,
					PublishedArticles.visibleFrom(published, PublishedArticles.instant(rs, "embargo_until")),
					this.paths.path(edition, published, rs.getString("slug")), rs.getString("headline"),
					PublishedArticles.nullableLong(rs, "lead_image_id"));
		}).list();
		if (articles.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> tags = new HashMap<>();
		this.jdbc.sql("SELECT atg.article_id, atg.tag_id FROM article_tags atg WHERE " + tagCondition)
			.params(params)
			.query((rs) -> {
				tags.computeIfAbsent(rs.getLong("article_id"), (k) -> new ArrayList<>()).add(rs.getLong("tag_id"));
			});
		return articles.stream()
			.map((a) -> new Row(a.edition(),
					new Entry(a.id(), a.sectionId(), a.publishedAt(), a.visibleFrom(),
							tags.getOrDefault(a.id(), List.of()).stream().mapToLong(Long::longValue).toArray(),
							a.path(), a.headline(), a.leadImageId())))
			.toList();
	}

	/**
	 * An article as "Read also" ranks and shows it.
	 *
	 * @param leadImageId its picture, or null
	 */
	record Entry(long id, long sectionId, Instant publishedAt, Instant visibleFrom, long[] tagIds, String path,
			String headline, Long leadImageId) {

		boolean visibleAt(Instant now) {
			return !this.visibleFrom.isAfter(now);
		}

		// identity by id alone (the tag array has none)
		@Override
		public boolean equals(Object other) {
			return other instanceof Entry e && e.id == this.id;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.id);
		}

	}

	// One edition's newest articles, newest first, and each tag's among them
	private static final class Newest {

		private final String code;

		private final List<Entry> articles;

		private final Map<Long, List<Entry>> byTag = new HashMap<>();

		Newest(String code, List<Entry> entries, int window) {
			this.code = code;
			this.articles = entries.stream().sorted(NEWEST_FIRST).limit(window).toList();
			for (Entry e : this.articles) {
				for (long tag : e.tagIds()) {
					this.byTag.computeIfAbsent(tag, (t) -> new ArrayList<>()).add(e);
				}
			}
		}

	}

}
