package io.qalam.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.qalam.edition.Editions;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The view counts. A view adds one to a sum in memory (no lock, no database); every
 * {@code qalam.analytics.flush-interval} each node adds its sums to the hourly rows in
 * one transaction, so the rows of all nodes add up. Sums that could not be written stay
 * for the next try, and are written on shutdown.
 */
@Component
@EnableConfigurationProperties(AnalyticsProperties.class)
public class ViewCounts {

	private static final Logger log = LoggerFactory.getLogger(ViewCounts.class);

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Editions editions;

	private final Clock clock;

	private final AnalyticsProperties properties;

	private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

	private final AtomicLong dropped = new AtomicLong();

	ViewCounts(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate transactions, Editions editions,
			Clock clock, AnalyticsProperties properties) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.editions = editions;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Counts one view; an unknown article is found out, and forgotten, when the sums are
	 * written.
	 * @return whether it was counted (not when counting is off, for an unknown edition,
	 * or when too many sums wait)
	 */
	public boolean count(String edition, long articleId, Source source) {
		if (!this.properties.counting() || articleId <= 0 || this.editions.find(edition).isEmpty()) {
			return false;
		}
		Key key = new Key(articleId, edition, hour(this.clock.instant()), source);
		LongAdder sum = this.pending.get(key);
		if (sum == null) {
			if (this.pending.size() >= this.properties.maxPending()) {
				this.dropped.incrementAndGet();
				return false;
			}
			sum = this.pending.computeIfAbsent(key, (k) -> new LongAdder());
		}
		sum.increment();
		return true;
	}

	/** Writes the sums added up since the last time; other nodes' rows are added to. */
	@Scheduled(initialDelayString = "${qalam.analytics.flush-interval}",
			fixedDelayString = "${qalam.analytics.flush-interval}")
	public synchronized void flush() {
		List<Taken> taken = new ArrayList<>();
		for (Map.Entry<Key, LongAdder> entry : this.pending.entrySet()) {
			// a view counted after this goes to the next write
			long views = entry.getValue().sumThenReset();
			if (views > 0) {
				taken.add(new Taken(entry.getKey(), views));
			}
		}
		forgetPastHours();
		long lost = this.dropped.getAndSet(0);
		if (lost > 0) {
			log.warn("{} views not counted: more than {} sums were waiting to be written", lost,
					this.properties.maxPending());
		}
		if (taken.isEmpty()) {
			return;
		}
		try {
			List<Key> unknown = write(taken);
			unknown.forEach(this.pending::remove);
		}
		catch (DataAccessException ex) {
			// CASE: the database failed: the sums are put back and tried again next time
			log.warn("Could not write {} view sums, trying again later: {}", taken.size(), ex.toString());
			for (Taken t : taken) {
				this.pending.computeIfAbsent(t.key(), (k) -> new LongAdder()).add(t.views());
			}
		}
	}

	@PreDestroy
	void writeBeforeStopping() {
		flush();
	}

	/**
	 * Adds the sums to their rows in one transaction; a row another node inserted at the
	 * same moment makes the whole write roll back and run again, adding to it.
	 * @return the keys of articles that do not exist (no row was written for them)
	 */
	private List<Key> write(List<Taken> taken) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> {
					int[] updated = this.jdbcTemplate.batchUpdate(
							"UPDATE article_views SET views = views + ? WHERE article_id = ? AND viewed_hour = ? AND source = ?",
							taken.stream()
								.map((t) -> new Object[] { t.views(), t.key().articleId(), utc(t.key().hour()),
										t.key().source().key() })
								.toList());
					List<Taken> fresh = new ArrayList<>();
					for (int i = 0; i < updated.length; i++) {
						if (updated[i] == 0) {
							fresh.add(taken.get(i));
						}
					}
					// inserted only for an article of that edition: made-up numbers write
					// nothing
					int[] inserted = this.jdbcTemplate.batchUpdate("""
							INSERT INTO article_views (article_id, viewed_hour, source, edition, views)
							SELECT id, ?, ?, edition, ? FROM articles WHERE id = ? AND edition = ?""",
							fresh.stream()
								.map((t) -> new Object[] { utc(t.key().hour()), t.key().source().key(), t.views(),
										t.key().articleId(), t.key().edition() })
								.toList());
					List<Key> unknown = new ArrayList<>();
					for (int i = 0; i < inserted.length; i++) {
						if (inserted[i] == 0) {
							unknown.add(fresh.get(i).key());
						}
					}
					return unknown;
				});
			}
			catch (DuplicateKeyException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	// A sum is forgotten once its hour is two hours gone: no view is counted in it any
	// more, and it was written
	private void forgetPastHours() {
		Instant before = hour(this.clock.instant()).minus(2, ChronoUnit.HOURS);
		this.pending.entrySet().removeIf((e) -> e.getKey().hour().isBefore(before) && e.getValue().sum() == 0);
	}

	/**
	 * The edition's most viewed articles since a time, most first (ties: newer article
	 * first), as numbers with their views; the caller keeps the ones readers may see.
	 */
	public List<Viewed> mostViewed(String edition, Instant since, int limit) {
		return this.jdbc.sql("""
				SELECT article_id, SUM(views) AS total FROM article_views
				WHERE edition = :ed AND viewed_hour >= :since
				GROUP BY article_id ORDER BY total DESC, article_id DESC LIMIT :limit""")
			.param("ed", edition)
			.param("since", utc(hour(since)))
			.param("limit", limit)
			.query((rs, n) -> new Viewed(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/** Every edition's most viewed articles since a time, most first. */
	public List<Viewed> mostViewed(Instant since, int limit) {
		return this.jdbc.sql("""
				SELECT article_id, SUM(views) AS total FROM article_views WHERE viewed_hour >= :since
				GROUP BY article_id ORDER BY total DESC, article_id DESC LIMIT :limit""")
			.param("since", utc(hour(since)))
			.param("limit", limit)
			.query((rs, n) -> new Viewed(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/** Views per source since a time: of one article, or of all when null. */
	public Map<Source, Long> sources(Long articleId, Instant since) {
		Map<Source, Long> bySource = new EnumMap<>(Source.class);
		for (Source source : Source.values()) {
			bySource.put(source, 0L);
		}
		this.jdbc
			.sql("SELECT source, SUM(views) FROM article_views WHERE viewed_hour >= :since"
					+ ((articleId != null) ? " AND article_id = :id" : "") + " GROUP BY source")
			.param("since", utc(hour(since)))
			.param("id", (articleId != null) ? articleId : 0L)
			.query((rs, n) -> Map.entry(Source.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
					rs.getLong(2)))
			.list()
			.forEach((e) -> bySource.put(e.getKey(), e.getValue()));
		return bySource;
	}

	/**
	 * An article's views per hour from a time on, oldest first; hours without views left
	 * out.
	 */
	public List<Hourly> hourly(long articleId, Instant since) {
		return this.jdbc.sql("""
				SELECT viewed_hour, SUM(views) FROM article_views WHERE article_id = :id AND viewed_hour >= :since
				GROUP BY viewed_hour ORDER BY viewed_hour""")
			.param("id", articleId)
			.param("since", utc(hour(since)))
			.query((rs, n) -> new Hourly(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)))
			.list();
	}

	static Instant hour(Instant at) {
		return at.truncatedTo(ChronoUnit.HOURS);
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	/** An article's views in a period. */
	public record Viewed(long articleId, long views) {
	}

	/** An article's views in one hour. */
	public record Hourly(Instant hour, long views) {
	}

	private record Key(long articleId, String edition, Instant hour, Source source) {
	}

	private record Taken(Key key, long views) {
	}

}
