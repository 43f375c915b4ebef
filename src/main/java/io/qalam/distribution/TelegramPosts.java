package io.qalam.distribution;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

import io.qalam.content.ArticleEvent;
import io.qalam.content.DistributedArticles;
import io.qalam.content.LiveBlogEvent;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.SiteProperties;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The Telegram posts of articles: one post per publication, edited after updates and
 * deleted after unpublishing (if the edition says so). A live blog's entry gets a post of
 * its own only when an editor asks, edited when the entry is corrected and deleted with
 * the article's.
 *
 * <p>
 * Every call is written down before it is made ({@code SENDING}, claimed by one node) and
 * after its answer ({@code SENT} with the message id). A post recorded as sent is never
 * sent again. The Bot API has no idempotency key, so the one window that cannot be closed
 * — Telegram took the post but its answer was lost, or the node stopped during the call —
 * ends as {@code UNCERTAIN}, for an editor to check in the channel, rather than being
 * posted twice. A 429 waits the {@code retry_after} it names; other failures are retried
 * after the configured waits, then shown as {@code FAILED} with a retry button.
 */
@Component
public class TelegramPosts {

	/** Telegram's limits: a message's text, and a photo's caption. */
	static final int MAX_TEXT = 4096;

	static final int MAX_CAPTION = 1024;

	private static final String LIVE = "('PENDING', 'SENDING', 'SENT', 'UPDATING', 'UNCERTAIN')";

	private final JdbcClient jdbc;

	private final TelegramSettings settings;

	private final BotApi api;

	private final DistributedArticles articles;

	private final MediaLibrary media;

	private final Editions editions;

	private final MessageSource messages;

	private final SiteProperties site;

	private final DistributionProperties properties;

	private final Clock clock;

	TelegramPosts(JdbcClient jdbc, TelegramSettings settings, BotApi api, DistributedArticles articles,
			MediaLibrary media, Editions editions, MessageSource messages, SiteProperties site,
			DistributionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.api = api;
		this.articles = articles;
		this.media = media;
		this.editions = editions;
		this.messages = messages;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records what an article event asks of the channel: a new post, an edit or a
	 * deletion. An event seen before changes nothing.
	 */
	@Transactional
	public void record(ArticleEvent event) {
		String key = Webhooks.eventKey(event);
		if (this.jdbc.sql("SELECT COUNT(*) FROM telegram_posts WHERE event_key = :key")
			.param("key", key)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		Optional<Long> live = this.jdbc
			.sql("SELECT id FROM telegram_posts WHERE article_id = :article AND live_entry_id IS NULL AND state IN "
					+ LIVE + " ORDER BY id DESC LIMIT 1")
			.param("article", event.articleId())
			.query(Long.class)
			.optional();
		TelegramSettings.Settings settings = this.settings.of(event.edition());
		if (event instanceof ArticleEvent.ArticlePublished) {
			if (live.isPresent()) {
				markEdit(live.get());
			}
			else if (settings.posting()) {
				this.jdbc.sql("""
						INSERT INTO telegram_posts (article_id, edition, event_key, chat, state, with_photo,
						    edit_pending, delete_pending, attempts, next_attempt_at, created_at)
						VALUES (:article, :ed, :key, :chat, 'PENDING', FALSE, FALSE, FALSE, 0, :now, :now)""")
					.param("article", event.articleId())
					.param("ed", event.edition())
					.param("key", key)
					.param("chat", settings.chat())
					.param("now", at(this.clock.instant()))
					.update();
			}
		}
		else if (event instanceof ArticleEvent.ArticleUpdated) {
			live.ifPresent(this::markEdit);
		}
		else if (settings.deleteOnUnpublish()) {
			// the article's post and those of its live entries: never sent, never send
			// them; sent or maybe sent, delete them
			this.jdbc
				.sql("UPDATE telegram_posts SET state = 'CANCELLED' WHERE article_id = :article AND state = 'PENDING'")
				.param("article", event.articleId())
				.update();
			this.jdbc
				.sql("UPDATE telegram_posts SET delete_pending = TRUE, next_attempt_at = :now "
						+ "WHERE article_id = :article AND state IN " + LIVE)
				.param("now", at(this.clock.instant()))
				.param("article", event.articleId())
				.update();
		}
	}

	/**
	 * Records what a live blog's change asks of the channel: a post of an entry an editor
	 * asked for, or an edit of it after a correction. Other changes ask nothing; an event
	 * seen before changes nothing.
	 */
	@Transactional
	public void record(LiveBlogEvent event) {
		if (event.kind() == LiveBlogEvent.Kind.CORRECTED) {
			this.jdbc.sql("SELECT id FROM telegram_posts WHERE live_entry_id = :entry AND state IN " + LIVE)
				.param("entry", event.entryId())
				.query(Long.class)
				.list()
				.forEach(this::markEdit);
			return;
		}
		TelegramSettings.Settings settings = this.settings.of(event.edition());
		if (event.kind() != LiveBlogEvent.Kind.SHARED || !settings.posting()) {
			return;
		}
		// an entry is asked for once (LiveBlogs sees to that): its key is the entry
		String key = "live-entry-" + event.entryId();
		if (this.jdbc.sql("SELECT COUNT(*) FROM telegram_posts WHERE event_key = :key")
			.param("key", key)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO telegram_posts (article_id, live_entry_id, edition, event_key, chat, state, with_photo,
				    edit_pending, delete_pending, attempts, next_attempt_at, created_at)
				VALUES (:article, :entry, :ed, :key, :chat, 'PENDING', FALSE, FALSE, FALSE, 0, :now, :now)""")
			.param("article", event.articleId())
			.param("entry", event.entryId())
			.param("ed", event.edition())
			.param("key", key)
			.param("chat", settings.chat())
			.param("now", at(this.clock.instant()))
			.update();
	}

	// A post not sent yet will carry the new text anyway; a sent one is edited
	private void markEdit(long id) {
		this.jdbc.sql("""
				UPDATE telegram_posts SET edit_pending = TRUE, next_attempt_at = :now
				WHERE id = :id AND state <> 'PENDING'""")
			.param("now", at(this.clock.instant()))
			.param("id", id)
			.update();
	}

	/** Sends, edits and deletes whatever is due. */
	void sendDue() {
		Instant now = this.clock.instant();
		OffsetDateTime stale = at(now.minus(this.properties.uncertainAfter()));
		// Claimed long ago and never finished: the node stopped during the call
		this.jdbc.sql("""
				UPDATE telegram_posts SET state = 'UNCERTAIN', claimed_at = NULL,
				    last_error = 'The node stopped while sending; check the channel'
				WHERE state = 'SENDING' AND claimed_at < :stale""").param("stale", stale).update();
		this.jdbc.sql("""
				UPDATE telegram_posts SET state = 'SENT', claimed_at = NULL, edit_pending = TRUE
				WHERE state = 'UPDATING' AND claimed_at < :stale""").param("stale", stale).update();
		List<Due> due = this.jdbc.sql("""
				SELECT id, article_id, live_entry_id, edition, chat, state, message_id, with_photo, edit_pending,
				       delete_pending, attempts
				FROM telegram_posts
				WHERE next_attempt_at <= :now AND (state = 'PENDING'
				    OR (state = 'SENT' AND (edit_pending OR delete_pending) AND message_id IS NOT NULL))
				ORDER BY next_attempt_at, id LIMIT 50""")
			.param("now", at(now))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("article_id"),
					rs.getObject("live_entry_id", Long.class), rs.getString("edition"), rs.getString("chat"),
					rs.getString("state"), rs.getLong("message_id"), rs.getBoolean("with_photo"),
					rs.getBoolean("edit_pending"), rs.getBoolean("delete_pending"), rs.getInt("attempts")))
			.list();
		// one token lookup (a read and a decryption) per edition and round
		Map<String, Optional<String>> tokens = new HashMap<>();
		for (Due post : due) {
			Optional<String> token = tokens.computeIfAbsent(post.edition(), this.settings::token);
			if (token.isEmpty()) {
				fail(post.id(), "There is no bot token for this edition");
			}
			else if (post.state().equals("PENDING")) {
				post(post, token.get());
			}
			else if (post.deletePending()) {
				delete(post, token.get());
			}
			else {
				edit(post, token.get());
			}
		}
	}

	private void post(Due post, String token) {
		Instant now = this.clock.instant();
		Optional<DistributedArticles.Outgoing> article = this.articles.find(post.articleId());
		Optional<Message> message = article.flatMap((found) -> message(post, found));
		if (message.isEmpty() || article.get().status() != io.qalam.content.ArticleStatus.PUBLISHED) {
			this.jdbc.sql("UPDATE telegram_posts SET state = 'CANCELLED' WHERE id = :id AND state = 'PENDING'")
				.param("id", post.id())
				.update();
			return;
		}
		if (!article.get().visibleAt(now)) {
			// embargoed or published ahead: post when readers may see it
			this.jdbc.sql("UPDATE telegram_posts SET next_attempt_at = :at WHERE id = :id")
				.param("at", at(article.get().visibleFrom()))
				.param("id", post.id())
				.update();
			return;
		}
		int claimed = this.jdbc.sql("""
				UPDATE telegram_posts SET state = 'SENDING', claimed_at = :now, attempts = attempts + 1,
				    edit_pending = FALSE
				WHERE id = :id AND state = 'PENDING'""").param("now", at(now)).param("id", post.id()).update();
		if (claimed == 0) {
			return;
		}
		Optional<Path> photo = message.get().photo();
		Delivery outcome = photo.isPresent()
				? this.api.sendPhoto(token, post.chat(), photo.get(), message.get().text(MAX_CAPTION))
				: this.api.sendMessage(token, post.chat(), message.get().text(MAX_TEXT));
		int attempt = post.attempts() + 1;
		if (outcome instanceof Delivery.Done done) {
			this.jdbc
				.sql("""
						UPDATE telegram_posts SET state = 'SENT', message_id = :message, with_photo = :photo, sent_at = :now,
						    claimed_at = NULL, last_error = NULL WHERE id = :id""")
				.param("message", done.messageId())
				.param("photo", photo.isPresent())
				.param("now", at(this.clock.instant()))
				.param("id", post.id())
				.update();
		}
		else if (outcome instanceof Delivery.Unknown unknown) {
			this.jdbc.sql(
					"UPDATE telegram_posts SET state = 'UNCERTAIN', claimed_at = NULL, last_error = :error WHERE id = :id")
				.param("error",
						WebhookSender.cut("No answer from Telegram (" + unknown.reason()
								+ "); the post may be in the channel: check it", 500))
				.param("id", post.id())
				.update();
		}
		else {
			retryOrFail(post.id(), "PENDING", attempt, outcome);
		}
	}

	private void edit(Due post, String token) {
		Instant now = this.clock.instant();
		Optional<DistributedArticles.Outgoing> article = this.articles.find(post.articleId());
		int claimed = this.jdbc.sql("""
				UPDATE telegram_posts SET state = 'UPDATING', claimed_at = :now, edit_pending = FALSE,
				    attempts = attempts + 1
				WHERE id = :id AND state = 'SENT'""").param("now", at(now)).param("id", post.id()).update();
		if (claimed == 0) {
			return;
		}
		Optional<Message> message = article.filter((found) -> found.visibleAt(now))
			.flatMap((found) -> message(post, found));
		if (message.isEmpty()) {
			// no longer public: nothing to show in the post until it is again
			sent(post.id());
			return;
		}
		Delivery outcome = post.withPhoto()
				? this.api.editCaption(token, post.chat(), post.messageId(), message.get().text(MAX_CAPTION))
				: this.api.editText(token, post.chat(), post.messageId(), message.get().text(MAX_TEXT));
		if (outcome instanceof Delivery.Done) {
			this.jdbc.sql("""
					UPDATE telegram_posts SET state = 'SENT', edited_at = :now, claimed_at = NULL, attempts = 0,
					    last_error = NULL WHERE id = :id""")
				.param("now", at(this.clock.instant()))
				.param("id", post.id())
				.update();
			return;
		}
		// edits are safe to repeat: ask again, whatever happened
		this.jdbc.sql("UPDATE telegram_posts SET edit_pending = TRUE WHERE id = :id").param("id", post.id()).update();
		retryOrFail(post.id(), "SENT", post.attempts() + 1, outcome);
	}

	private void delete(Due post, String token) {
		int claimed = this.jdbc.sql("""
				UPDATE telegram_posts SET state = 'UPDATING', claimed_at = :now, attempts = attempts + 1
				WHERE id = :id AND state = 'SENT'""")
			.param("now", at(this.clock.instant()))
			.param("id", post.id())
			.update();
		if (claimed == 0) {
			return;
		}
		Delivery outcome = this.api.delete(token, post.chat(), post.messageId());
		if (outcome instanceof Delivery.Done) {
			this.jdbc.sql("""
					UPDATE telegram_posts SET state = 'DELETED', delete_pending = FALSE, edit_pending = FALSE,
					    claimed_at = NULL, last_error = NULL WHERE id = :id""").param("id", post.id()).update();
			return;
		}
		retryOrFail(post.id(), "SENT", post.attempts() + 1, outcome);
	}

	private void sent(long id) {
		this.jdbc.sql("UPDATE telegram_posts SET state = 'SENT', claimed_at = NULL WHERE id = :id")
			.param("id", id)
			.update();
	}

	// A 429 waits what Telegram asked and does not count as an attempt
	private void retryOrFail(long id, String backTo, int attempt, Delivery outcome) {
		Instant now = this.clock.instant();
		if (outcome instanceof Delivery.RetryAfter wait) {
			this.jdbc.sql("""
					UPDATE telegram_posts SET state = :state, attempts = attempts - 1, claimed_at = NULL,
					    next_attempt_at = :next, last_error = :error WHERE id = :id""")
				.param("state", backTo)
				.param("next", at(now.plusSeconds(wait.seconds())))
				.param("error", "Telegram asked to wait " + wait.seconds() + " s")
				.param("id", id)
				.update();
			return;
		}
		String reason = Delivery.reason(outcome);
		Duration wait = this.properties.waitAfter(attempt);
		if (wait == null || (outcome instanceof Delivery.Refused refused && refused.permanent())) {
			fail(id, reason);
			return;
		}
		this.jdbc
			.sql("""
					UPDATE telegram_posts SET state = :state, claimed_at = NULL, next_attempt_at = :next, last_error = :error
					WHERE id = :id""")
			.param("state", backTo)
			.param("next", at(now.plus(wait)))
			.param("error", WebhookSender.cut(reason, 500))
			.param("id", id)
			.update();
	}

	private void fail(long id, String reason) {
		this.jdbc
			.sql("UPDATE telegram_posts SET state = 'FAILED', claimed_at = NULL, last_error = :error WHERE id = :id")
			.param("error", WebhookSender.cut(reason, 500))
			.param("id", id)
			.update();
	}

	/**
	 * The post's text in Telegram's HTML: the headline in bold, the lead, and a link to
	 * the article, cut to Telegram's limit (the lead gives way first).
	 */
	String text(DistributedArticles.Outgoing article, int limit) {
		Locale locale = this.editions.find(article.edition()).map(Edition::locale).orElse(Locale.ENGLISH);
		String link = "<a href=\"" + HtmlUtils.htmlEscape(this.site.absolute(article.path())) + "\">"
				+ HtmlUtils.htmlEscape(this.messages.getMessage("telegram.readMore", null, locale)) + "</a>";
		String headline = "<b>" + HtmlUtils.htmlEscape(article.headline()) + "</b>";
		String byline = article.authors().isEmpty() ? ""
				: "\n\n<i>" + HtmlUtils.htmlEscape(String.join(", ", article.authors())) + "</i>";
		int room = limit - headline.length() - byline.length() - link.length() - 4;
		return headline + "\n\n" + fitted(article.lead(), room) + byline + "\n\n" + link;
	}

	/**
	 * A live entry's post in Telegram's HTML: the live blog's headline in bold, the
	 * entry's text and the link it embeds, and a link to the entry on the site, cut to
	 * Telegram's limit (the entry's text gives way).
	 */
	String text(DistributedArticles.Outgoing article, DistributedArticles.OutgoingEntry entry, int limit) {
		Locale locale = this.editions.find(article.edition()).map(Edition::locale).orElse(Locale.ENGLISH);
		String link = "<a href=\"" + HtmlUtils.htmlEscape(this.site.absolute(article.path()) + "#entry-" + entry.id())
				+ "\">" + HtmlUtils.htmlEscape(this.messages.getMessage("telegram.followLive", null, locale)) + "</a>";
		String headline = "<b>" + HtmlUtils.htmlEscape(article.headline()) + "</b>";
		String embed = entry.embedLink().isEmpty() ? "" : "\n\n" + HtmlUtils.htmlEscape(entry.embedLink());
		int room = limit - headline.length() - embed.length() - link.length() - 4;
		return headline + "\n\n" + fitted(entry.text(), room) + embed + "\n\n" + link;
	}

	// Plain text escaped for Telegram's HTML in at most room characters, cut with an
	// ellipsis if it must be
	private static String fitted(String text, int room) {
		String escaped = HtmlUtils.htmlEscape(text);
		while (escaped.length() > room && !text.isEmpty()) {
			text = text.substring(0, Math.max(0, Math.min(text.length() - 1, room - 1))).stripTrailing();
			escaped = HtmlUtils.htmlEscape(text) + "…";
		}
		return escaped;
	}

	// What a post says, made when it is sent from the article (or entry) as it is then;
	// none when the entry is gone
	private Optional<Message> message(Due post, DistributedArticles.Outgoing article) {
		if (post.liveEntryId() == null) {
			return Optional.of(new Message((limit) -> text(article, limit), photo(article.leadImageId())));
		}
		return this.articles.entry(article.id(), post.liveEntryId())
			.map((entry) -> new Message((limit) -> text(article, entry, limit), photo(entry.imageId())));
	}

	private record Message(IntFunction<String> texts, Optional<Path> photo) {

		String text(int limit) {
			return this.texts.apply(limit);
		}

	}

	private Optional<Path> photo(Long imageId) {
		if (imageId == null) {
			return Optional.empty();
		}
		return this.media.find(imageId)
			.flatMap((ImageView image) -> this.media.variantFile(image.id(), image.largest(), "jpg"));
	}

	/** Posts that need an editor: uncertain and failed ones, newest first. */
	public List<Post> needingAttention() {
		return list("WHERE p.state IN ('UNCERTAIN', 'FAILED')", 100);
	}

	/** The latest posts of all editions. */
	public List<Post> recent(int limit) {
		return list("", limit);
	}

	private List<Post> list(String where, int limit) {
		return this.jdbc
			.sql("""
					SELECT p.id, p.article_id, p.live_entry_id, p.edition, p.chat, p.state, p.message_id, p.attempts, p.last_error,
					       p.created_at, p.sent_at, p.edit_pending, p.delete_pending
					FROM telegram_posts p\s"""
					+ where + " ORDER BY p.id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Post(rs.getLong("id"), rs.getLong("article_id"),
					rs.getObject("live_entry_id", Long.class), rs.getString("edition"), rs.getString("chat"),
					rs.getString("state"), (rs.getObject("message_id") != null) ? rs.getLong("message_id") : null,
					rs.getInt("attempts"), rs.getString("last_error"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					(rs.getObject("sent_at") != null) ? rs.getObject("sent_at", OffsetDateTime.class).toInstant()
							: null,
					rs.getBoolean("edit_pending") || rs.getBoolean("delete_pending")))
			.list();
	}

	/**
	 * An editor found an uncertain post in the channel: it counts as sent.
	 * @param messageId the post's number (from its link), to edit or delete it later; or
	 * null if not known
	 * @return false if the post is not uncertain
	 */
	@Transactional
	public boolean confirmSent(long id, Long messageId) {
		return this.jdbc.sql("""
				UPDATE telegram_posts SET state = 'SENT', message_id = :message, sent_at = :now, last_error = NULL
				WHERE id = :id AND state = 'UNCERTAIN'""")
			.param("message", messageId)
			.param("now", at(this.clock.instant()))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Sends an uncertain post again (an editor found it is not in the channel), or
	 * retries a failed one.
	 * @return false if the post is neither
	 */
	@Transactional
	public boolean retry(long id) {
		return this.jdbc.sql("""
				UPDATE telegram_posts SET state = CASE WHEN message_id IS NULL THEN 'PENDING' ELSE 'SENT' END,
				    attempts = 0, next_attempt_at = :now, last_error = NULL
				WHERE id = :id AND state IN ('UNCERTAIN', 'FAILED')""")
			.param("now", at(this.clock.instant()))
			.param("id", id)
			.update() == 1;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A channel post as the newsroom shows it.
	 *
	 * @param liveEntryId the live blog's entry it posts, or null for the article's own
	 * @param messageId the message's number in the channel, or null
	 * @param changePending an edit or deletion is waiting
	 */
	public record Post(long id, long articleId, Long liveEntryId, String edition, String chat, String state,
			Long messageId, int attempts, String lastError, Instant createdAt, Instant sentAt, boolean changePending) {
	}

	private record Due(long id, long articleId, Long liveEntryId, String edition, String chat, String state,
			long messageId, boolean withPhoto, boolean editPending, boolean deletePending, int attempts) {
	}

}
