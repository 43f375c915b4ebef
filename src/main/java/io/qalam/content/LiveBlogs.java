package io.qalam.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.Role;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.PlainText;
import io.qalam.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Live blogs: an article whose coverage runs for a while (an earthquake felt in Almaty,
 * an election night), with short timestamped entries — text, a picture from the media
 * library, an embed — newest first, one of them pinned on top if the editors wish. The
 * one write path for entries: each change is stored and its {@link LiveBlogEvent}
 * published in one transaction, and audited. Editors and admins start and end the
 * coverage, pin and correct entries; reporters post entries too.
 */
@Component
public class LiveBlogs {

	/** Entries per page of a live blog; older ones page as {@code ?page=N}. */
	public static final int PAGE_SIZE = 20;

	/**
	 * The most entries one poll for new ones returns; a reader further behind reloads.
	 */
	public static final int MOST_NEW = 50;

	static final int MAX_TEXT = 5_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final MediaLibrary media;

	private final AuditLog audit;

	private final Clock clock;

	LiveBlogs(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, MediaLibrary media,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.media = media;
		this.audit = audit;
		this.clock = clock;
	}

	/** Starts the article's coverage (again, after it ended: the end is cleared). */
	public void start(Actor actor, long articleId) {
		editorsOnly(actor);
		change(actor, articleId, 0, LiveBlogEvent.Kind.STARTED, AuditLog.Action.LIVE_BLOG_STARTED, (edition) -> {
			this.jdbc
				.sql("UPDATE articles SET live_started_at = COALESCE(live_started_at, :now), "
						+ "live_ended_at = NULL WHERE id = :id")
				.param("now", utc(this.clock.instant()))
				.param("id", articleId)
				.update();
			return 0L;
		});
	}

	/** Ends the coverage: the entries stay, readers see that it is over. */
	public void end(Actor actor, long articleId) {
		editorsOnly(actor);
		Coverage coverage = coverage(articleId)
			.orElseThrow(() -> new WorkflowException.Invalid(Text.of("liveblog.notLive")));
		if (coverage.ended()) {
			return;
		}
		change(actor, articleId, 0, LiveBlogEvent.Kind.ENDED, AuditLog.Action.LIVE_BLOG_ENDED, (edition) -> {
			this.jdbc.sql("UPDATE articles SET live_ended_at = :now WHERE id = :id")
				.param("now", utc(this.clock.instant()))
				.param("id", articleId)
				.update();
			return 0L;
		});
	}

	/**
	 * Posts an entry to a running live blog. Reporters post too; sending it to the
	 * channel is an editor's {@link #share}.
	 * @return the entry's id
	 * @throws WorkflowException.Invalid when the entry is empty, too long, or names a
	 * picture or a link that cannot be shown; nothing is stored then
	 */
	public long post(Actor actor, long articleId, EntryDraft draft) {
		Coverage coverage = coverage(articleId)
			.orElseThrow(() -> new WorkflowException.Invalid(Text.of("liveblog.notLive")));
		if (coverage.ended()) {
			throw new WorkflowException.Invalid(Text.of("liveblog.ended"));
		}
		if (draft.pinned()) {
			editorsOnly(actor);
		}
		String html = html(draft);
		long[] id = new long[1];
		change(actor, articleId, 0, LiveBlogEvent.Kind.POSTED, AuditLog.Action.LIVE_ENTRY_POSTED, (edition) -> {
			if (draft.pinned()) {
				unpinAll(articleId);
			}
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO live_entries (article_id, posted_at, posted_by, entry_text, image_id, caption,
					    embed_link, body_html, pinned)
					VALUES (:article, :now, :by, :text, :image, :caption, :link, :html, :pinned)""")
				.param("text", kept(draft.text()))
				.param("image", draft.imageId())
				.param("caption", kept(draft.caption()))
				.param("link", kept(draft.embedLink()))
				.param("article", articleId)
				.param("now", utc(this.clock.instant()))
				.param("by", actor.username())
				.param("html", html)
				.param("pinned", draft.pinned())
				.update(key, "id");
			id[0] = key.getKey().longValue();
			return id[0];
		});
		return id[0];
	}

	/** Corrects an entry of the article; readers see that it was corrected, and when. */
	public void correct(Actor actor, long articleId, long entryId, EntryDraft draft) {
		editorsOnly(actor);
		entryOf(articleId, entryId);
		String html = html(draft);
		change(actor, articleId, entryId, LiveBlogEvent.Kind.CORRECTED, AuditLog.Action.LIVE_ENTRY_CORRECTED,
				(edition) -> {
					this.jdbc.sql("UPDATE live_entries SET entry_text = :text, image_id = :image, caption = :caption, "
							+ "embed_link = :link, body_html = :html, corrected_at = :now, corrected_by = :by WHERE id = :id")
						.param("text", kept(draft.text()))
						.param("image", draft.imageId())
						.param("caption", kept(draft.caption()))
						.param("link", kept(draft.embedLink()))
						.param("html", html)
						.param("now", utc(this.clock.instant()))
						.param("by", actor.username())
						.param("id", entryId)
						.update();
					return entryId;
				});
	}

	/** Pins an entry on top of the live blog (unpinning any other), or unpins it. */
	public void pin(Actor actor, long articleId, long entryId, boolean pinned) {
		editorsOnly(actor);
		entryOf(articleId, entryId);
		change(actor, articleId, entryId, LiveBlogEvent.Kind.PINNED, AuditLog.Action.LIVE_ENTRY_PINNED, (edition) -> {
			unpinAll(articleId);
			if (pinned) {
				this.jdbc.sql("UPDATE live_entries SET pinned = TRUE WHERE id = :id").param("id", entryId).update();
			}
			return entryId;
		});
	}

	/**
	 * Asks for an entry to go to the edition's Telegram channel, as a post of its own
	 * that links to the entry; a correction of the entry edits that post. Entries are
	 * never posted unless an editor asks, and each at most once.
	 * @throws WorkflowException.Invalid when the article is not published (the post would
	 * link nowhere) or the entry was already asked for
	 */
	public void share(Actor actor, long articleId, long entryId) {
		editorsOnly(actor);
		entryOf(articleId, entryId);
		String status = this.jdbc.sql("SELECT status FROM articles WHERE id = :id")
			.param("id", articleId)
			.query(String.class)
			.single();
		if (!ArticleStatus.PUBLISHED.name().equals(status)) {
			throw new WorkflowException.Invalid(Text.of("liveblog.shareUnpublished"));
		}
		change(actor, articleId, entryId, LiveBlogEvent.Kind.SHARED, AuditLog.Action.LIVE_ENTRY_SHARED, (edition) -> {
			// asked once only, also when two editors click at once
			int asked = this.jdbc
				.sql("UPDATE live_entries SET shared_at = :now, shared_by = :by WHERE id = :id AND shared_at IS NULL")
				.param("now", utc(this.clock.instant()))
				.param("by", actor.username())
				.param("id", entryId)
				.update();
			if (asked == 0) {
				throw new WorkflowException.Invalid(Text.of("liveblog.alreadyShared"));
			}
			return entryId;
		});
	}

	/** When an editor asked for each of the article's entries to go to the channel. */
	public Map<Long, Instant> shared(long articleId) {
		return this.jdbc.sql("SELECT id, shared_at FROM live_entries WHERE article_id = :id AND shared_at IS NOT NULL")
			.param("id", articleId)
			.query((rs, n) -> Map.entry(rs.getLong("id"), PublishedArticles.instant(rs, "shared_at")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * A live blog of the demo content, written as it stands when the demo is loaded: its
	 * coverage started at {@code startedAt}, its entries at their times. Joins the demo's
	 * transaction; one event tells the pages.
	 */
	void demo(long articleId, Instant startedAt, List<DemoEntry> entries) {
		this.jdbc.sql("UPDATE articles SET live_started_at = :at WHERE id = :id")
			.param("at", utc(startedAt))
			.param("id", articleId)
			.update();
		for (DemoEntry entry : entries) {
			EntryDraft draft = new EntryDraft(entry.text(), null, "", "", false);
			this.jdbc.sql("""
					INSERT INTO live_entries (article_id, posted_at, posted_by, entry_text, body_html, pinned)
					VALUES (:article, :at, 'demo', :text, :html, FALSE)""")
				.param("article", articleId)
				.param("at", utc(entry.postedAt()))
				.param("text", kept(entry.text()))
				.param("html", html(draft))
				.update();
		}
		String edition = this.jdbc.sql("SELECT edition FROM articles WHERE id = :id")
			.param("id", articleId)
			.query(String.class)
			.single();
		this.events.publishEvent(new LiveBlogEvent(articleId, edition, 0, LiveBlogEvent.Kind.STARTED));
	}

	/** An entry of a demo live blog. */
	record DemoEntry(Instant postedAt, String text) {
	}

	/** The article's coverage, if it is (or was) a live blog. */
	public Optional<Coverage> coverage(long articleId) {
		return this.jdbc.sql("SELECT live_started_at, live_ended_at FROM articles WHERE id = :id")
			.param("id", articleId)
			.query((rs, n) -> (rs.getObject(1) == null) ? null
					: new Coverage(PublishedArticles.instant(rs, "live_started_at"),
							PublishedArticles.instant(rs, "live_ended_at")))
			.optional();
	}

	/**
	 * One page of an article's entries, newest first; page 1 starts with the pinned one.
	 * @param page from 1
	 */
	public EntriesPage entries(long articleId, int page) {
		int total = this.jdbc.sql("SELECT COUNT(*) FROM live_entries WHERE article_id = :id")
			.param("id", articleId)
			.query(Integer.class)
			.single();
		int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		Optional<LiveEntry> pinned = (page == 1) ? this.jdbc.sql(SELECT + " WHERE article_id = :id AND pinned = TRUE")
			.param("id", articleId)
			.query(LiveBlogs::entry)
			.optional() : Optional.empty();
		List<LiveEntry> entries = this.jdbc
			.sql(SELECT + " WHERE article_id = :id ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("id", articleId)
			.param("limit", PAGE_SIZE)
			.param("offset", (long) (page - 1) * PAGE_SIZE)
			.query(LiveBlogs::entry)
			.list();
		return new EntriesPage(pinned.orElse(null), entries, page, pages, total);
	}

	/**
	 * The entries posted after the reader's newest, newest first, at most
	 * {@link #MOST_NEW}.
	 */
	public List<LiveEntry> after(long articleId, long afterId) {
		return this.jdbc.sql(SELECT + " WHERE article_id = :id AND id > :after ORDER BY id DESC LIMIT :limit")
			.param("id", articleId)
			.param("after", afterId)
			.param("limit", MOST_NEW)
			.query(LiveBlogs::entry)
			.list();
	}

	/** The newest entries of an article, for its structured data. */
	public List<LiveEntry> newest(long articleId, int limit) {
		return this.jdbc.sql(SELECT + " WHERE article_id = :id ORDER BY id DESC LIMIT :limit")
			.param("id", articleId)
			.param("limit", limit)
			.query(LiveBlogs::entry)
			.list();
	}

	private static final String SELECT = "SELECT id, article_id, posted_at, body_html, pinned, corrected_at FROM live_entries";

	private static LiveEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new LiveEntry(rs.getLong("id"), rs.getLong("article_id"), PublishedArticles.instant(rs, "posted_at"),
				rs.getString("body_html"), rs.getBoolean("pinned"), PublishedArticles.instant(rs, "corrected_at"));
	}

	// The entry's text as paragraphs, then its picture and its embed; sanitized like an
	// article's text
	String html(EntryDraft draft) {
		String text = kept(draft.text());
		String link = kept(draft.embedLink());
		if (text.isEmpty() && draft.imageId() == null && link.isEmpty()) {
			throw new WorkflowException.Invalid(Text.of("liveblog.empty"), Map.of("text", Text.of("liveblog.empty")));
		}
		if (text.length() > MAX_TEXT) {
			throw new WorkflowException.Invalid(Text.of("liveblog.tooLong", MAX_TEXT),
					Map.of("text", Text.of("liveblog.tooLong", MAX_TEXT)));
		}
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.split("\\R\\s*\\R")) {
			if (!paragraph.isBlank()) {
				html.append("<p>")
					.append(HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8").replaceAll("\\R", "<br>"))
					.append("</p>");
			}
		}
		if (draft.imageId() != null) {
			ImageView image = this.media.find(draft.imageId())
				.orElseThrow(() -> new WorkflowException.Invalid(Text.of("liveblog.noSuchImage"),
						Map.of("imageId", Text.of("liveblog.noSuchImage"))));
			String caption = kept(draft.caption());
			if (caption.length() > 500) {
				throw new WorkflowException.Invalid(Text.of("liveblog.captionTooLong", 500),
						Map.of("caption", Text.of("liveblog.captionTooLong", 500)));
			}
			html.append(Figures.image(image, caption));
		}
		if (link.length() > 500) {
			throw new WorkflowException.Invalid(Text.of("liveblog.badEmbed", Embeds.shown(link)),
					Map.of("embedLink", Text.of("liveblog.badEmbed", Embeds.shown(link))));
		}
		if (!link.isEmpty()) {
			Embeds.Embed embed = Embeds.of(link)
				.orElseThrow(() -> new WorkflowException.Invalid(Text.of("liveblog.badEmbed", Embeds.shown(link)),
						Map.of("embedLink", Text.of("liveblog.badEmbed", Embeds.shown(link)))));
			html.append(embed.html());
		}
		return BodySanitizer.sanitize(html.toString());
	}

	/**
	 * What was written for an entry of the article, for the newsroom's correction form.
	 */
	public Optional<EntryDraft> draft(long articleId, long entryId) {
		return this.jdbc
			.sql("SELECT entry_text, image_id, caption, embed_link, pinned FROM live_entries "
					+ "WHERE id = :id AND article_id = :article")
			.param("id", entryId)
			.param("article", articleId)
			.query((rs, n) -> new EntryDraft(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4), rs.getBoolean(5)))
			.optional();
	}

	private static String kept(String text) {
		return (text != null) ? PlainText.clean(text.strip()) : "";
	}

	private void unpinAll(long articleId) {
		this.jdbc.sql("UPDATE live_entries SET pinned = FALSE WHERE article_id = :id AND pinned = TRUE")
			.param("id", articleId)
			.update();
	}

	// An entry is changed only through its own article: a number of another article's
	// entry is no entry here
	private void entryOf(long articleId, long entryId) {
		boolean found = this.jdbc.sql("SELECT COUNT(*) FROM live_entries WHERE id = :id AND article_id = :article")
			.param("id", entryId)
			.param("article", articleId)
			.query(Long.class)
			.single() > 0;
		if (!found) {
			throw new WorkflowException.Invalid(Text.of("liveblog.noSuchEntry"));
		}
	}

	// One change in one transaction: the row, the event (recorded by the event
	// publication registry with it), the audit line
	private void change(Actor actor, long articleId, long entryId, LiveBlogEvent.Kind kind, AuditLog.Action action,
			java.util.function.Function<String, Long> write) {
		this.transactions.executeWithoutResult((status) -> {
			String edition = this.jdbc.sql("SELECT edition FROM articles WHERE id = :id FOR UPDATE")
				.param("id", articleId)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new WorkflowException.Invalid(Text.of("liveblog.noSuchArticle")));
			long id = write.apply(edition);
			this.events.publishEvent(new LiveBlogEvent(articleId, edition, (entryId != 0) ? entryId : id, kind));
			this.audit.record(actor.username(), action, "article " + articleId + ((id != 0) ? " entry " + id : ""),
					actor.address());
		});
	}

	private static void editorsOnly(Actor actor) {
		if (actor.role() == Role.REPORTER) {
			throw new WorkflowException(Text.of("liveblog.editorsOnly"));
		}
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	/**
	 * What a newsroom user wrote for an entry.
	 *
	 * @param imageId a picture of the media library, or null
	 * @param caption the picture's caption for this entry
	 * @param embedLink a link to embed (YouTube, Telegram, X, Instagram, VK), or empty
	 * @param pinned whether it goes on top (editors)
	 */
	public record EntryDraft(String text, Long imageId, String caption, String embedLink, boolean pinned) {
	}

	/**
	 * The coverage of a live blog.
	 *
	 * @param endedAt null while it runs
	 */
	public record Coverage(Instant startedAt, Instant endedAt) {

		public boolean ended() {
			return this.endedAt != null;
		}

	}

	/**
	 * One page of entries.
	 *
	 * @param pinned the pinned entry, on page 1 only, or null (it is also in its place
	 * among the others)
	 */
	public record EntriesPage(LiveEntry pinned, List<LiveEntry> entries, int page, int pages, int total) {

		public boolean hasNext() {
			return this.page < this.pages;
		}

		/**
		 * The newest entry's id on this page, for the script that asks for newer ones.
		 */
		public long newestId() {
			return this.entries.isEmpty() ? 0 : this.entries.get(0).id();
		}

	}

}
