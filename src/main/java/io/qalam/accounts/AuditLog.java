package io.qalam.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log: every state change of the newsroom (logins, accounts, article
 * transitions) with who, what, when and the client address. Written inside the caller's
 * transaction where there is one, so a change and its entry are stored together.
 */
@Component
public class AuditLog {

	/** What happened. */
	public enum Action {

		LOGIN, LOGIN_FAILED, LOGOUT, PASSWORD_CHANGED, PASSWORD_RESET, USER_CREATED, USER_ENABLED, USER_DISABLED,
		ROLE_CHANGED, ARTICLE_CREATED, ARTICLE_TRANSLATED, ARTICLE_SUBMITTED, ARTICLE_TO_DRAFT, ARTICLE_SCHEDULED,
		ARTICLE_PUBLISHED, ARTICLE_UPDATED, ARTICLE_UNPUBLISHED, ARTICLE_RESTORED, ARTICLE_EMBARGOED,
		ARTICLE_EMBARGO_LIFTED, ARTICLE_DELETED, IMAGE_UPLOADED, AUTHOR_SAVED, SEARCH_INDEX_REBUILT, BREAKING_NEWS_SET,
		BREAKING_NEWS_CLEARED, LIVE_BLOG_STARTED, LIVE_BLOG_ENDED, LIVE_ENTRY_POSTED, LIVE_ENTRY_CORRECTED,
		LIVE_ENTRY_PINNED, LIVE_ENTRY_SHARED, REDIRECT_ADDED, REDIRECT_REMOVED, API_TOKEN_ISSUED, API_TOKEN_REVOKED,
		API_WRITE, EXPORT_STARTED, EXPORT_DOWNLOADED, EXPORT_DELETED

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds an entry.
	 * @param actor the username, or a name for the system ("scheduler"); for a failed
	 * login the name that was typed
	 * @param subject what was acted on, in words
	 * @param address the client address, or null when no request was involved
	 */
	public void record(String actor, Action action, String subject, String address) {
		this.jdbc.sql("""
				INSERT INTO audit_log (at, actor, action, subject, address)
				VALUES (:at, :actor, :action, :subject, :address)""")
			.param("at", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("actor", cut(actor, 64))
			.param("action", action.name())
			.param("subject", cut(subject, 400))
			.param("address", cut(address, 64))
			.update();
	}

	/**
	 * Entries matching the filter, newest first.
	 * @param filter null fields match everything
	 */
	public Found search(Filter filter, int offset, int limit) {
		StringBuilder where = new StringBuilder("1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (filter.actor() != null) {
			where.append(" AND actor = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			where.append(" AND action = :action");
			params.put("action", filter.action().name());
		}
		if (filter.from() != null) {
			where.append(" AND at >= :from");
			params.put("from", filter.from().atOffset(ZoneOffset.UTC));
		}
		if (filter.until() != null) {
			where.append(" AND at < :until");
			params.put("until", filter.until().atOffset(ZoneOffset.UTC));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Entry> entries = this.jdbc
			.sql("SELECT at, actor, action, subject, address FROM audit_log WHERE " + where
					+ " ORDER BY at DESC, id DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT "
					+ Math.max(1, Math.min(limit, 200)) + " ROWS ONLY")
			.params(params)
			.query((rs, row) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
					Action.valueOf(rs.getString("action")), rs.getString("subject"), rs.getString("address")))
			.list();
		return new Found(entries, total);
	}

	private static String cut(String value, int max) {
		if (value == null) {
			return null;
		}
		return (value.length() > max) ? value.substring(0, max) : value;
	}

	/**
	 * What to show.
	 *
	 * @param from the first instant shown, or null
	 * @param until the instant after the last shown, or null
	 */
	public record Filter(String actor, Action action, Instant from, Instant until) {
	}

	/** One entry of the log. */
	public record Entry(Instant at, String actor, Action action, String subject, String address) {
	}

	/** A page of entries and how many match in all. */
	public record Found(List<Entry> entries, long total) {
	}

}
