package io.qalam.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.Sections;
import io.qalam.edition.Editions;
import io.qalam.platform.OutsideCall;
import io.qalam.platform.PlainText;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

/**
 * The wire: feeds (RSS 2.0, Atom) that admins subscribe an edition to, polled once per
 * cluster ({@link WirePolling}) with a deadline and a size cap, whose new items — once
 * each, by GUID or by link, so a feed that renumbers its GUIDs brings nothing twice —
 * wait in the newsroom's inbox until an editor makes a draft of one, keeping its source
 * and link.
 */
@Component
public class Wire {

	private static final Logger log = LoggerFactory.getLogger(Wire.class);

	/** Items per page of the inbox. */
	public static final int PAGE_SIZE = 50;

	private static final String FEED_SELECT = """
			SELECT f.id, f.edition, f.name, f.url, f.created_by, f.polled_at, f.problem, f.active,
			       (SELECT COUNT(*) FROM wire_items i WHERE i.feed_id = f.id) AS items
			FROM wire_feeds f""";

	private static final String ITEM_SELECT = """
			SELECT i.id, f.edition, f.name, i.title, i.summary, i.link, i.published_at, i.article_id, i.taken_by
			FROM wire_items i JOIN wire_feeds f ON f.id = i.feed_id""";

	private final JdbcClient jdbc;

	private final Editions editions;

	private final Sections sections;

	private final ArticleWorkflow workflow;

	private final Clock clock;

	private final Duration deadline;

	private final long maxAnswer;

	// built on the first poll: a starting site has better things to load than TLS
	private final SingletonSupplier<HttpClient> client;

	Wire(JdbcClient jdbc, Editions editions, Sections sections, ArticleWorkflow workflow, Clock clock,
			@Value("${qalam.ingest.wire.deadline}") Duration deadline,
			@Value("${qalam.ingest.wire.max-answer-size}") DataSize maxAnswer) {
		this.jdbc = jdbc;
		this.editions = editions;
		this.sections = sections;
		this.workflow = workflow;
		this.clock = clock;
		this.deadline = deadline;
		this.maxAnswer = maxAnswer.toBytes();
		this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(deadline)
			// http → https and moved feeds; never from https back to http
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build());
	}

	/** Every feed, the stopped ones last. */
	@Transactional(readOnly = true)
	public List<Feed> feeds() {
		return this.jdbc.sql(FEED_SELECT + " ORDER BY f.active DESC, f.edition, f.name").query(Wire::feed).list();
	}

	/** One feed, if there is one with this number. */
	@Transactional(readOnly = true)
	public Optional<Feed> feed(long id) {
		return this.jdbc.sql(FEED_SELECT + " WHERE f.id = :id").param("id", id).query(Wire::feed).optional();
	}

	/**
	 * Subscribes an edition to a feed.
	 * @throws Refusal naming each field that cannot be used; nothing is stored then
	 */
	@Transactional
	public long subscribe(String by, String edition, String name, String url) {
		Map<String, Text> errors = new LinkedHashMap<>();
		if (edition == null || this.editions.find(edition).isEmpty()) {
			errors.put("edition", Text.of("wire.badEdition"));
		}
		String shown = (name != null) ? PlainText.clean(name).strip() : "";
		if (shown.isEmpty() || shown.length() > 200) {
			errors.put("name", Text.of("wire.badName", 200));
		}
		String address = (url != null) ? url.strip() : "";
		if (!address.matches("(?i)https?://[^\\s/?#]+[^\\s]*") || address.length() > 2000) {
			errors.put("url", Text.of("wire.badUrl"));
		}
		else if (errors.isEmpty() && this.jdbc.sql("SELECT COUNT(*) FROM wire_feeds WHERE edition = :ed AND url = :url")
			.param("ed", edition)
			.param("url", address)
			.query(Long.class)
			.single() > 0) {
			errors.put("url", Text.of("wire.taken"));
		}
		if (!errors.isEmpty()) {
			throw new Refusal(Text.of("wire.notSubscribed"), errors);
		}
		this.jdbc.sql("""
				INSERT INTO wire_feeds (edition, name, url, created_by, created_at, active)
				VALUES (:ed, :name, :url, :by, :now, TRUE)""")
			.param("ed", edition)
			.param("name", shown)
			.param("url", address)
			.param("by", by)
			.param("now", now())
			.update();
		return feedId(edition, address);
	}

	private long feedId(String edition, String url) {
		return this.jdbc.sql("SELECT id FROM wire_feeds WHERE edition = :ed AND url = :url")
			.param("ed", edition)
			.param("url", url)
			.query(Long.class)
			.single();
	}

	/** Stops polling a feed; what it brought stays in the inbox. */
	@Transactional
	public boolean stop(long feedId) {
		return this.jdbc.sql("UPDATE wire_feeds SET active = FALSE WHERE id = :id").param("id", feedId).update() == 1;
	}

	/**
	 * Polls every active feed once; a feed that fails keeps its problem for the newsroom
	 * and does not stop the others.
	 * @return the new items
	 */
	public int pollAll() {
		int added = 0;
		for (Feed feed : feeds()) {
			if (feed.active()) {
				added += poll(feed);
			}
		}
		return added;
	}

	/**
	 * Polls one feed.
	 * @return the new items
	 */
	public int poll(long feedId) {
		return feed(feedId).map(this::poll).orElse(0);
	}

	private int poll(Feed feed) {
		Instant received = this.clock.instant();
		List<WireFeed.Entry> entries;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(feed.url()))
				.timeout(this.deadline)
				.header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
				.header("User-Agent", "Qalam wire")
				.GET()
				.build();
			OutsideCall.Answer answer = OutsideCall.send(this.client.obtain(), request, this.maxAnswer, this.deadline);
			if (answer.status() != 200) {
				return failed(feed, "the feed answered " + answer.status());
			}
			entries = WireFeed.read(answer.body(), received);
		}
		catch (OutsideCall.TooLarge ex) {
			return failed(feed, "the answer is larger than " + this.maxAnswer / 1024 + " KB");
		}
		catch (HttpTimeoutException ex) {
			return failed(feed, "no complete answer within " + this.deadline.toSeconds() + " s");
		}
		catch (IOException | IllegalArgumentException ex) {
			return failed(feed, "the feed cannot be reached: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
		catch (WireFeed.Unreadable ex) {
			return failed(feed, ex.getMessage());
		}
		int added = 0;
		for (WireFeed.Entry entry : entries) {
			if (entry.guid().isEmpty() || entry.title().isEmpty()) {
				continue;
			}
			// once: by its GUID, or by its link when the feed renumbered its GUIDs
			long known = this.jdbc.sql("""
					SELECT COUNT(*) FROM wire_items
					WHERE feed_id = :feed AND (guid = :guid OR (link = :link AND link <> ''))""")
				.param("feed", feed.id())
				.param("guid", entry.guid())
				.param("link", entry.link())
				.query(Long.class)
				.single();
			if (known > 0) {
				continue;
			}
			added += this.jdbc.sql("""
					INSERT INTO wire_items (feed_id, guid, link, title, summary, published_at, received_at)
					VALUES (:feed, :guid, :link, :title, :summary, :published, :received)""")
				.param("feed", feed.id())
				.param("guid", entry.guid())
				.param("link", entry.link())
				.param("title", entry.title())
				.param("summary", entry.summary())
				.param("published", entry.publishedAt().atOffset(ZoneOffset.UTC))
				.param("received", received.atOffset(ZoneOffset.UTC))
				.update();
		}
		this.jdbc.sql("UPDATE wire_feeds SET polled_at = :now, problem = NULL WHERE id = :id")
			.param("now", received.atOffset(ZoneOffset.UTC))
			.param("id", feed.id())
			.update();
		return added;
	}

	private int failed(Feed feed, String problem) {
		log.info("Wire feed {} ({}): {}", feed.id(), feed.url(), problem);
		this.jdbc.sql("UPDATE wire_feeds SET polled_at = :now, problem = :problem WHERE id = :id")
			.param("now", now())
			.param("problem", (problem.length() > 500) ? problem.substring(0, 500) : problem)
			.param("id", feed.id())
			.update();
		return 0;
	}

	/** A page of the inbox, newest first. */
	@Transactional(readOnly = true)
	public Inbox inbox(int page) {
		int number = Math.max(1, page);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM wire_items").query(Long.class).single();
		List<Item> items = this.jdbc
			.sql(ITEM_SELECT + " ORDER BY i.published_at DESC, i.id DESC LIMIT :limit OFFSET :offset")
			.param("limit", PAGE_SIZE)
			.param("offset", (long) (number - 1) * PAGE_SIZE)
			.query(Wire::item)
			.list();
		return new Inbox(items, number, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE), total);
	}

	/**
	 * Makes a draft of a wire item in its feed's edition, owned by the editor: its title,
	 * summary, a link to the source, and the feed's name as the source line.
	 * @return the draft's id
	 * @throws Refusal when there is no such item or someone made a draft of it already
	 */
	@Transactional
	public long draft(Actor actor, long itemId) {
		Item item = this.jdbc.sql(ITEM_SELECT + " WHERE i.id = :id")
			.param("id", itemId)
			.query(Wire::item)
			.optional()
			.orElseThrow(() -> new Refusal(Text.of("wire.noItem")));
		if (item.articleId() != null) {
			throw new Refusal(Text.of("wire.taken.already", item.takenBy(), item.articleId()));
		}
		String lead = (item.summary().length() > 2000) ? item.summary().substring(0, 1999) + "…" : item.summary();
		String body = "<p>" + HtmlUtils.htmlEscape(item.summary()) + "</p>"
				+ (item.link().isEmpty() ? "" : "<p><a href=\"" + HtmlUtils.htmlEscape(item.link()) + "\">"
						+ HtmlUtils.htmlEscape(item.feed()) + "</a></p>");
		String section = this.sections.all(item.edition()).get(0).slug();
		long id = this.workflow.createDraft(actor, item.edition(), new Draft(item.title(), lead, body, section,
				List.of(), "", item.feed(), null, List.of(), null, null, null, null));
		int taken = this.jdbc
			.sql("UPDATE wire_items SET article_id = :article, taken_by = :by WHERE id = :id AND article_id IS NULL")
			.param("article", id)
			.param("by", actor.username())
			.param("id", itemId)
			.update();
		if (taken != 1) {
			// CASE: another editor's click came first; this draft goes with the
			// transaction
			throw new Refusal(Text.of("wire.taken.meanwhile"));
		}
		return id;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static Feed feed(ResultSet rs, int row) throws SQLException {
		return new Feed(rs.getLong("id"), rs.getString("edition"), rs.getString("name"), rs.getString("url"),
				rs.getString("created_by"), instant(rs.getObject("polled_at", OffsetDateTime.class)),
				rs.getString("problem"), rs.getBoolean("active"), rs.getLong("items"));
	}

	private static Item item(ResultSet rs, int row) throws SQLException {
		return new Item(rs.getLong("id"), rs.getString("edition"), rs.getString("name"), rs.getString("title"),
				rs.getString("summary"), rs.getString("link"),
				instant(rs.getObject("published_at", OffsetDateTime.class)), rs.getObject("article_id", Long.class),
				rs.getString("taken_by"));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * A subscription.
	 *
	 * @param polledAt the last poll, or null before the first
	 * @param problem why the last poll failed, or null
	 * @param items how many items it brought in all
	 */
	public record Feed(long id, String edition, String name, String url, String createdBy, Instant polledAt,
			String problem, boolean active, long items) {
	}

	/**
	 * An item of the inbox.
	 *
	 * @param feed the feed's name
	 * @param articleId the draft made of it, or null
	 */
	public record Item(long id, String edition, String feed, String title, String summary, String link,
			Instant publishedAt, Long articleId, String takenBy) {
	}

	/** One page of the inbox. */
	public record Inbox(List<Item> items, int page, int pages, long total) {
	}

}
