package io.qalam.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a site export holds: every table of content and settings, in an order where each
 * row's references are restored before it, and the tables left out on purpose. A table in
 * the database that is in neither list stops an export, so a new migration cannot leave
 * its table out of backups unnoticed.
 */
final class ArchiveTables {

	/** Exported and restored, in this order. */
	static final List<String> EXPORTED = List.of("setup_steps", "users", "editions", "images", "image_captions",
			"sections", "section_names", "authors", "author_names", "tags", "stories", "articles", "article_bodies",
			"article_tags", "article_authors", "article_revisions", "article_corrections", "article_autosaves",
			"article_views", "live_entries", "redirects", "import_sources", "breaking_news", "exchange_rates",
			"weather_now", "telegram_settings", "telegram_posts", "webhooks", "wire_feeds", "wire_items", "api_tokens",
			"audit_log");

	/**
	 * Left out, with why: the work queues and locks of a running site, which a restored
	 * site starts afresh.
	 */
	static final Map<String, String> LEFT_OUT = Map.of("flyway_schema_history", "made by the migrations",
			"event_publication", "the event registry of a running site", "shedlock", "scheduler locks",
			"widget_fetches", "the log of the widgets' fetches", "article_presence", "who has an article open now",
			"webhook_deliveries", "the webhooks' delivery log, signed with secrets the export leaves out");

	/** Tables exported only when credentials are asked for. */
	static final Set<String> CREDENTIAL_TABLES = Set.of("api_tokens");

	/** Columns exported only when credentials are asked for. */
	static final Map<String, Set<String>> CREDENTIAL_COLUMNS = Map.of("users", Set.of("password_hash"));

	/**
	 * Columns never exported: secrets sealed with this install's key, which the restored
	 * site must be given again.
	 */
	static final Map<String, Set<String>> SECRET_COLUMNS = Map.of("telegram_settings",
			Set.of("token_sealed", "token_hint"), "webhooks", Set.of("secret_sealed"));

	/**
	 * Run on the restored rows: a channel post the old site had not finished may have
	 * gone out after the export was made, so it is not sent again but left for an editor
	 * to check, as after a node stopped mid-call; an edit is safe to make again.
	 */
	static final List<String> AFTER_RESTORE = List.of("""
			UPDATE telegram_posts SET state = 'UNCERTAIN', claimed_at = NULL,
			    last_error = 'Not finished when the export was made; check the channel'
			WHERE state IN ('PENDING', 'SENDING')""",
			"UPDATE telegram_posts SET state = 'SENT', claimed_at = NULL, edit_pending = TRUE WHERE state = 'UPDATING'");

	private ArchiveTables() {
	}

	static boolean leftOut(String table, String column, boolean withCredentials) {
		return SECRET_COLUMNS.getOrDefault(table, Set.of()).contains(column)
				|| (!withCredentials && CREDENTIAL_COLUMNS.getOrDefault(table, Set.of()).contains(column));
	}

}
