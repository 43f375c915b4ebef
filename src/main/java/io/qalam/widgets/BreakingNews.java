package io.qalam.widgets;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.qalam.accounts.AuditLog;
import io.qalam.edition.Editions;
import io.qalam.platform.AfterCommit;
import io.qalam.platform.ClusterSignals;
import io.qalam.platform.PlainText;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.qalam.platform.web.EdgeCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each edition's breaking-news banner: a line of text and a link, set and cleared by
 * editors, shown on every public page through its widget slot. Kept in memory and read
 * again on every node when any node changes it (a cluster signal), so the next request
 * after a change shows it, cached pages included, and no page is evicted.
 */
@Component
public class BreakingNews {

	public static final int MAX_TEXT = 200;

	public static final int MAX_LINK = 500;

	private static final String CHANNEL = "breaking_news";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ClusterSignals signals;

	private final AuditLog audit;

	private final Editions editions;

	private final EdgeCache edge;

	private final Clock clock;

	// edition code → banner; replaced whole, never changed in place
	private volatile Map<String, Banner> banners;

	BreakingNews(JdbcClient jdbc, TransactionTemplate transactions, ClusterSignals signals, AuditLog audit,
			Editions editions, EdgeCache edge, Clock clock) {
		this.jdbc = jdbc;
		this.edge = edge;
		this.transactions = transactions;
		this.signals = signals;
		this.audit = audit;
		this.editions = editions;
		this.clock = clock;
		signals.on(CHANNEL, (edition) -> reload(), this::reload);
	}

	/** The edition's banner, if one is set. Reads memory only. */
	public Optional<Banner> current(String edition) {
		Map<String, Banner> known = this.banners;
		if (known == null) {
			known = reload();
		}
		return Optional.ofNullable(known.get(edition));
	}

	/** Every edition's banner, in edition order, for the newsroom. */
	public Map<String, Optional<Banner>> all() {
		Map<String, Optional<Banner>> all = new LinkedHashMap<>();
		this.editions.all().forEach((e) -> all.put(e.code(), current(e.code())));
		return all;
	}

	/**
	 * Sets the edition's banner, replacing the one before.
	 * @param link a path on this site ({@code /ru/...}) or an http(s) address; blank for
	 * none
	 * @throws Refusal for an unknown edition, missing or too long text, or a bad link;
	 * nothing is changed then
	 */
	public Banner set(String actor, String edition, String text, String link, String address) {
		String code = knownEdition(edition);
		Map<String, Text> problems = new LinkedHashMap<>();
		String words = oneLine(text);
		if (words.isEmpty()) {
			problems.put("text", Text.of("breaking.textMissing"));
		}
		else if (words.codePointCount(0, words.length()) > MAX_TEXT) {
			problems.put("text", Text.of("breaking.textTooLong", MAX_TEXT));
		}
		String href = null;
		try {
			href = checkLink(link);
		}
		catch (Refusal ex) {
			problems.put("link", ex.text());
		}
		if (!problems.isEmpty()) {
			throw new Refusal(Text.of("breaking.refused"), problems);
		}
		Banner banner = new Banner(code, words, href, this.clock.instant(), actor);
		String storedLink = href;
		this.transactions.executeWithoutResult((status) -> {
			int updated = this.jdbc.sql(
					"UPDATE breaking_news SET text = :text, link = :link, set_at = :at, set_by = :by WHERE edition = :ed")
				.params(row(banner, storedLink))
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						INSERT INTO breaking_news (edition, text, link, set_at, set_by)
						VALUES (:ed, :text, :link, :at, :by)""").params(row(banner, storedLink)).update();
			}
			this.audit.record(actor, AuditLog.Action.BREAKING_NEWS_SET, code + ": " + words, address);
			changed(code);
		});
		return banner;
	}

	/** Takes the edition's banner down; nothing happens when none is set. */
	public void clear(String actor, String edition, String address) {
		String code = knownEdition(edition);
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc.sql("DELETE FROM breaking_news WHERE edition = :ed").param("ed", code).update() > 0) {
				this.audit.record(actor, AuditLog.Action.BREAKING_NEWS_CLEARED, code, address);
				changed(code);
			}
		});
	}

	// this node reads again after the commit, the others when the signal arrives; an edge
	// cache drops the edition's pages, which it keeps with the banner filled in (or only
	// the banner's fragment, when it assembles pages)
	private void changed(String edition) {
		this.signals.send(CHANNEL, edition);
		this.edge.purge(java.util.List.of(EdgeCache.widgetsKey(edition),
				EdgeCache.slotKey(io.qalam.platform.web.SlotMarkers.Slot.BREAKING, edition)));
		AfterCommit.run(this::reload);
	}

	private Map<String, Banner> reload() {
		Map<String, Banner> read = new HashMap<>();
		this.jdbc.sql("SELECT edition, text, link, set_at, set_by FROM breaking_news")
			.query((rs, n) -> new Banner(rs.getString("edition"), rs.getString("text"), rs.getString("link"),
					rs.getObject("set_at", OffsetDateTime.class).toInstant(), rs.getString("set_by")))
			.list()
			.forEach((b) -> read.put(b.edition(), b));
		Map<String, Banner> known = Map.copyOf(read);
		this.banners = known;
		return known;
	}

	private String knownEdition(String edition) {
		return this.editions.find(edition)
			.orElseThrow(() -> new Refusal(Text.of("breaking.unknownEdition", String.valueOf(edition))))
			.code();
	}

	private static Map<String, Object> row(Banner banner, String link) {
		Map<String, Object> row = new HashMap<>();
		row.put("ed", banner.edition());
		row.put("text", banner.text());
		row.put("link", link);
		row.put("at", OffsetDateTime.ofInstant(banner.setAt(), ZoneOffset.UTC));
		row.put("by", banner.setBy());
		return row;
	}

	// a banner is one line: line breaks and runs of spaces typed into the form become one
	// space
	private static String oneLine(String text) {
		String clean = PlainText.clean((text != null) ? text : "");
		return clean.replaceAll("\\s+", " ").strip();
	}

	/**
	 * The link as stored: a path on this site, or an absolute http(s) address with a
	 * host; null for none.
	 */
	static String checkLink(String link) {
		String text = (link != null) ? link.strip() : "";
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_LINK) {
			throw new Refusal(Text.of("breaking.linkTooLong", MAX_LINK));
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new Refusal(Text.of("breaking.linkMalformed"));
		}
		if (uri.getScheme() == null) {
			// "//host/..." would leave the site while looking like a path
			if (!text.startsWith("/") || text.startsWith("//") || uri.getRawAuthority() != null) {
				throw new Refusal(Text.of("breaking.linkMalformed"));
			}
			return text;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new Refusal(Text.of("breaking.linkMalformed"));
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new Refusal(Text.of("breaking.linkMalformed"));
		}
		return text;
	}

	/**
	 * One edition's banner.
	 *
	 * @param link where it leads, or null
	 */
	public record Banner(String edition, String text, String link, Instant setAt, String setBy) {
	}

}
