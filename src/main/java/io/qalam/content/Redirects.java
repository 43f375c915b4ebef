package io.qalam.content;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.qalam.accounts.AuditLog;
import io.qalam.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * Old addresses that answer {@code 301} to their new place: an imported archive's
 * permalinks, an address an editor retired. The site asks only where it has nothing to
 * show, so a redirect never hides a page.
 *
 * <p>
 * Addresses are compared as a reader's browser may send them: percent-encoded or not (in
 * either case of hex digits), with or without the trailing slash, with the query's
 * parameters in any order and without tracking parameters ({@code utm_*} and the like).
 * No redirect leads to another: adding one that would make a chain points the older ones
 * straight at the new target.
 */
@Component
public class Redirects {

	/** The longest address kept, once decoded. */
	public static final int MAX_LENGTH = 1000;

	/** Redirects per page of the newsroom's list. */
	public static final int PAGE_SIZE = 50;

	private static final Pattern ABSOLUTE = Pattern.compile("(?i)^https?://[^/?#]+(.*)$");

	// parameters links carry for someone's statistics, never part of an address
	private static final Pattern TRACKING = Pattern
		.compile("(?i)^(utm_[a-z]*|fbclid|gclid|yclid|_ga|_openstat)(=.*)?$");

	private static final String IMPORTED_BY = "import";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Redirects(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Where an address the site has no page for has moved, if it has.
	 * @param path the request's path as it came (percent-encoded)
	 * @param query the request's query as it came, or null
	 * @return the new address, percent-encoded for a {@code Location} header
	 */
	@Transactional(readOnly = true)
	public Optional<String> find(String path, String query) {
		if (path == null) {
			return Optional.empty();
		}
		Optional<String> target = Optional.empty();
		if (query != null && !query.isEmpty()) {
			target = normalized(path + "?" + query).flatMap(this::targetOf);
		}
		if (target.isEmpty()) {
			target = normalized(path).flatMap(this::targetOf);
		}
		return target.map(Redirects::encoded);
	}

	private Optional<String> targetOf(String oldPath) {
		return this.jdbc.sql("SELECT new_path FROM redirects WHERE old_path = :old")
			.param("old", oldPath)
			.query(String.class)
			.optional();
	}

	/**
	 * Adds a redirect from the newsroom.
	 * @param from the old address: a path ({@code /2015/03/привет/}, {@code /?p=123}) or
	 * a full address of the old site
	 * @param to an address on this site, starting with {@code /}
	 * @throws WorkflowException.Invalid when either address cannot be used, the old one
	 * already redirects, or both are the same; nothing is stored then
	 */
	@Transactional
	public Redirect add(Actor actor, String from, String to) {
		String oldPath = normalized(from).orElseThrow(() -> invalid("from", "redirects.badFrom"));
		String newPath = target(to).orElseThrow(() -> invalid("to", "redirects.badTo"));
		if (targetOf(oldPath).isPresent()) {
			throw invalid("from", "redirects.taken", oldPath);
		}
		Redirect added = store(actor.username(), "NEWSROOM", oldPath, newPath);
		this.audit.record(actor.username(), AuditLog.Action.REDIRECT_ADDED, oldPath + " → " + added.newPath(),
				actor.address());
		return added;
	}

	/**
	 * Keeps an old address of an imported archive: added, or pointed at its new place
	 * again when the import runs again. A redirect an editor made for that address stays
	 * as it is.
	 * @param from the old address, a path or a full address of the old site
	 * @param to an address on this site, starting with {@code /}
	 */
	@Transactional
	public Kept keepImported(String from, String to) {
		Optional<String> oldPath = normalized(from);
		Optional<String> newPath = target(to);
		if (oldPath.isEmpty() || newPath.isEmpty() || oldPath.equals(newPath.flatMap(Redirects::normalized))) {
			return Kept.NOT_AN_ADDRESS;
		}
		Optional<Redirect> existing = this.jdbc.sql(SELECT + " WHERE old_path = :old")
			.param("old", oldPath.get())
			.query(Redirects::row)
			.optional();
		try {
			if (existing.isEmpty()) {
				store(IMPORTED_BY, "IMPORT", oldPath.get(), newPath.get());
				return Kept.ADDED;
			}
			if (!"IMPORT".equals(existing.get().origin())) {
				return Kept.EDITORS;
			}
			if (existing.get().newPath().equals(newPath.get())) {
				return Kept.UNCHANGED;
			}
			this.jdbc.sql("DELETE FROM redirects WHERE id = :id").param("id", existing.get().id()).update();
			store(IMPORTED_BY, "IMPORT", oldPath.get(), newPath.get());
			return Kept.UPDATED;
		}
		catch (WorkflowException.Invalid ex) {
			// CASE: the new address leads back to the old one through another redirect
			return Kept.NOT_AN_ADDRESS;
		}
	}

	/** What {@link #keepImported} did. */
	public enum Kept {

		ADDED, UPDATED, UNCHANGED,
		/** An editor's redirect for the same old address stays. */
		EDITORS,
		/** Either address is none this site can keep, or both are the same. */
		NOT_AN_ADDRESS

	}

	// The one write: no chains (a target that itself redirects is followed; redirects to
	// the old address now lead to the new one) and no redirect to itself
	private Redirect store(String by, String origin, String oldPath, String newPath) {
		String target = normalized(newPath).flatMap(this::targetOf).orElse(newPath);
		String targetKey = normalized(target).orElseThrow();
		if (targetKey.equals(oldPath)) {
			throw invalid("to", "redirects.same");
		}
		this.jdbc.sql("""
				INSERT INTO redirects (old_path, new_path, new_key, origin, created_at, created_by)
				VALUES (:old, :new, :key, :origin, :now, :by)""")
			.param("old", oldPath)
			.param("new", target)
			.param("key", targetKey)
			.param("origin", origin)
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("by", by)
			.update();
		// redirects to the old address, under any of its spellings, now lead straight on
		this.jdbc.sql("UPDATE redirects SET new_path = :new, new_key = :key WHERE new_key = :old")
			.param("new", target)
			.param("key", targetKey)
			.param("old", oldPath)
			.update();
		return this.jdbc.sql(SELECT + " WHERE old_path = :old").param("old", oldPath).query(Redirects::row).single();
	}

	/**
	 * Removes a redirect; its old address answers 404 again.
	 * @return false if there was none with that id
	 */
	@Transactional
	public boolean remove(Actor actor, long id) {
		Optional<Redirect> redirect = this.jdbc.sql(SELECT + " WHERE id = :id")
			.param("id", id)
			.query(Redirects::row)
			.optional();
		if (redirect.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM redirects WHERE id = :id").param("id", id).update();
		this.audit.record(actor.username(), AuditLog.Action.REDIRECT_REMOVED,
				redirect.get().oldPath() + " → " + redirect.get().newPath(), actor.address());
		return true;
	}

	/**
	 * A page of redirects, newest first.
	 * @param containing a part of the old or new address to look for, or empty
	 * @param page from 1
	 */
	@Transactional(readOnly = true)
	public Page page(String containing, int page) {
		String part = (containing != null) ? Normalizer.normalize(containing.strip(), Normalizer.Form.NFC) : "";
		String where = part.isEmpty() ? "" : " WHERE LOWER(old_path) LIKE :part OR LOWER(new_path) LIKE :part";
		String pattern = "%" + part.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
		long total = this.jdbc.sql("SELECT COUNT(*) FROM redirects" + where)
			.params(part.isEmpty() ? Map.of() : Map.of("part", pattern))
			.query(Long.class)
			.single();
		List<Redirect> rows = this.jdbc.sql(SELECT + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(part.isEmpty() ? Map.of() : Map.of("part", pattern))
			.param("limit", PAGE_SIZE)
			.param("offset", (long) (Math.max(1, page) - 1) * PAGE_SIZE)
			.query(Redirects::row)
			.list();
		return new Page(rows, Math.max(1, page), (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE), total);
	}

	private static final String SELECT = "SELECT id, old_path, new_path, origin, created_at, created_by FROM redirects";

	private static Redirect row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Redirect(rs.getLong("id"), rs.getString("old_path"), rs.getString("new_path"),
				rs.getString("origin"), PublishedArticles.instant(rs, "created_at"), rs.getString("created_by"));
	}

	/**
	 * An old address as redirects keep and compare it: path and query only (a full
	 * address loses its scheme and host), percent-encoding decoded, Unicode composed, no
	 * trailing slash but on {@code /}, the query's parameters sorted without tracking
	 * ones, no fragment.
	 * @return empty when it is not an address: not starting with {@code /}, badly
	 * encoded, holding control characters, or longer than {@link #MAX_LENGTH}
	 */
	public static Optional<String> normalized(String address) {
		return split(address).flatMap((parts) -> {
			String path = parts[0];
			while (path.length() > 1 && path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			String query = Arrays.stream(parts[1].split("&"))
				.filter((parameter) -> !parameter.isEmpty() && !TRACKING.matcher(parameter).matches())
				.sorted()
				.reduce((a, b) -> a + "&" + b)
				.orElse("");
			String kept = query.isEmpty() ? path : path + "?" + query;
			return (kept.length() <= MAX_LENGTH) ? Optional.of(kept) : Optional.empty();
		});
	}

	/**
	 * A new address as redirects keep it: on this site (starting with one {@code /}),
	 * decoded like an old one but keeping its trailing slash and its query as written.
	 */
	static Optional<String> target(String address) {
		if (address == null || ABSOLUTE.matcher(address.strip()).matches()) {
			// never elsewhere: a redirect of this site is no open door to other sites
			return Optional.empty();
		}
		return split(address).map((parts) -> parts[1].isEmpty() ? parts[0] : parts[0] + "?" + parts[1])
			.filter((kept) -> kept.length() <= MAX_LENGTH);
	}

	// {decoded path, decoded query or ""}, or empty when it is no address on a site
	private static Optional<String[]> split(String address) {
		if (address == null) {
			return Optional.empty();
		}
		String text = address.strip();
		if (text.length() > 4 * MAX_LENGTH) {
			return Optional.empty();
		}
		var absolute = ABSOLUTE.matcher(text);
		if (absolute.matches()) {
			text = absolute.group(1).isEmpty() ? "/" : absolute.group(1);
		}
		int fragment = text.indexOf('#');
		if (fragment >= 0) {
			text = text.substring(0, fragment);
		}
		if (!text.startsWith("/") || text.startsWith("//") || text.indexOf('\\') >= 0) {
			return Optional.empty();
		}
		int question = text.indexOf('?');
		String path = (question >= 0) ? text.substring(0, question) : text;
		String query = (question >= 0) ? text.substring(question + 1) : "";
		try {
			path = Normalizer.normalize(UriUtils.decode(path, StandardCharsets.UTF_8), Normalizer.Form.NFC);
			query = Normalizer.normalize(UriUtils.decode(query, StandardCharsets.UTF_8), Normalizer.Form.NFC);
		}
		catch (IllegalArgumentException ex) {
			// CASE: a percent sign not followed by two hex digits
			return Optional.empty();
		}
		if ((path + query).chars().anyMatch((c) -> c < 0x20 || c == 0x7f) || path.startsWith("//")) {
			return Optional.empty();
		}
		return Optional.of(new String[] { path, query });
	}

	// For the Location header: what is kept decoded goes out percent-encoded again
	static String encoded(String target) {
		int question = target.indexOf('?');
		String path = (question >= 0) ? target.substring(0, question) : target;
		String encoded = UriUtils.encodePath(path, StandardCharsets.UTF_8);
		return (question >= 0)
				? encoded + "?" + UriUtils.encodeQuery(target.substring(question + 1), StandardCharsets.UTF_8)
				: encoded;
	}

	private static WorkflowException.Invalid invalid(String field, String key, Object... arguments) {
		Text text = Text.of(key, arguments);
		return new WorkflowException.Invalid(text, Map.of(field, text));
	}

	/**
	 * A redirect as the newsroom lists it.
	 *
	 * @param oldPath decoded, as {@link #normalized} keeps it
	 * @param newPath decoded
	 * @param origin {@code NEWSROOM} or {@code IMPORT}
	 */
	public record Redirect(long id, String oldPath, String newPath, String origin, Instant createdAt,
			String createdBy) {
	}

	/** One page of the newsroom's list. */
	public record Page(List<Redirect> redirects, int page, int pages, long total) {
	}

}
