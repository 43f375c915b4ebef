package io.qalam.distribution;

import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each edition's Telegram channel and bot token. Without settings saved in the newsroom,
 * the channel is the edition's configured one and posting is on when a token is set in
 * the environment. A token from the environment wins over one entered in the newsroom; an
 * entered token is stored encrypted and only its last characters are ever shown.
 */
@Component
public class TelegramSettings {

	private static final Pattern CHAT = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}|-?\\d{5,20}");

	private static final Pattern TOKEN = Pattern.compile("\\d{3,20}:[A-Za-z0-9_-]{20,100}");

	private final JdbcClient jdbc;

	private final Editions editions;

	private final SecretBox secrets;

	private final DistributionProperties properties;

	private final Clock clock;

	TelegramSettings(JdbcClient jdbc, Editions editions, SecretBox secrets, DistributionProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.editions = editions;
		this.secrets = secrets;
		this.properties = properties;
		this.clock = clock;
	}

	/** The settings of an edition as they apply now. */
	public Settings of(String edition) {
		String fromEnvironment = this.properties.telegram().token(edition);
		Optional<Settings> saved = this.jdbc.sql("""
				SELECT chat, token_hint, token_sealed, enabled, delete_on_unpublish
				FROM telegram_settings WHERE edition = :ed""")
			.param("ed", edition)
			.query((rs, n) -> new Settings(edition, rs.getString("chat"), rs.getBoolean("enabled"),
					rs.getBoolean("delete_on_unpublish"),
					(fromEnvironment != null) ? TokenSource.ENVIRONMENT
							: (rs.getString("token_sealed") != null) ? TokenSource.NEWSROOM : TokenSource.NONE,
					(fromEnvironment != null) ? SecretBox.hint(fromEnvironment) : rs.getString("token_hint")))
			.optional();
		return saved.orElseGet(() -> new Settings(edition, defaultChat(edition), fromEnvironment != null, true,
				(fromEnvironment != null) ? TokenSource.ENVIRONMENT : TokenSource.NONE,
				(fromEnvironment != null) ? SecretBox.hint(fromEnvironment) : null));
	}

	/** The bot token to post with, or empty when there is none. */
	Optional<String> token(String edition) {
		String fromEnvironment = this.properties.telegram().token(edition);
		if (fromEnvironment != null) {
			return Optional.of(fromEnvironment);
		}
		return this.jdbc.sql("SELECT token_sealed FROM telegram_settings WHERE edition = :ed")
			.param("ed", edition)
			.query(String.class)
			.optional()
			.map(this.secrets::open);
	}

	/**
	 * Saves an edition's settings.
	 * @param token a new bot token, or blank to keep the stored one
	 * @throws IllegalArgumentException with a message for the admin on a bad value
	 */
	@Transactional
	public void save(String edition, String chat, String token, boolean enabled, boolean deleteOnUnpublish, String by) {
		if (this.editions.find(edition).isEmpty()) {
			throw new Refusal(Text.of("workflow.noEdition", edition));
		}
		String channel = (chat != null) ? chat.strip() : "";
		if (!CHAT.matcher(channel).matches()) {
			throw new Refusal(Text.of("distribution.badChannel"));
		}
		String newToken = (token != null) ? token.strip() : "";
		if (!newToken.isEmpty() && !TOKEN.matcher(newToken).matches()) {
			throw new Refusal(Text.of("distribution.badToken"));
		}
		boolean hasToken = !newToken.isEmpty() || this.properties.telegram().token(edition) != null
				|| this.jdbc
					.sql("SELECT COUNT(*) FROM telegram_settings WHERE edition = :ed AND token_sealed IS NOT NULL")
					.param("ed", edition)
					.query(Long.class)
					.single() > 0;
		if (enabled && !hasToken) {
			throw new Refusal(Text.of("distribution.needsToken"));
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		int updated = this.jdbc.sql("""
				UPDATE telegram_settings SET chat = :chat, enabled = :enabled, delete_on_unpublish = :delete,
				    token_sealed = COALESCE(:sealed, token_sealed), token_hint = COALESCE(:hint, token_hint),
				    updated_by = :by, updated_at = :now
				WHERE edition = :ed""")
			.param("chat", channel)
			.param("enabled", enabled)
			.param("delete", deleteOnUnpublish)
			.param("sealed", newToken.isEmpty() ? null : this.secrets.seal(newToken))
			.param("hint", newToken.isEmpty() ? null : SecretBox.hint(newToken))
			.param("by", by)
			.param("now", now)
			.param("ed", edition)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						INSERT INTO telegram_settings (edition, chat, token_sealed, token_hint, enabled, delete_on_unpublish,
						    updated_by, updated_at)
						VALUES (:ed, :chat, :sealed, :hint, :enabled, :delete, :by, :now)""")
				.param("ed", edition)
				.param("chat", channel)
				.param("sealed", newToken.isEmpty() ? null : this.secrets.seal(newToken))
				.param("hint", newToken.isEmpty() ? null : SecretBox.hint(newToken))
				.param("enabled", enabled)
				.param("delete", deleteOnUnpublish)
				.param("by", by)
				.param("now", now)
				.update();
		}
	}

	// https://t.me/qalam_ru is the channel @qalam_ru
	private String defaultChat(String edition) {
		String channel = this.editions.find(edition).map(Edition::telegramChannel).orElse("");
		String name = channel.substring(channel.lastIndexOf('/') + 1);
		return name.isEmpty() ? "" : "@" + name;
	}

	/** Where an edition's bot token comes from. */
	public enum TokenSource {

		ENVIRONMENT, NEWSROOM, NONE

	}

	/**
	 * An edition's Telegram settings.
	 *
	 * @param tokenHint the token's last characters, or null
	 */
	public record Settings(String edition, String chat, boolean enabled, boolean deleteOnUnpublish,
			TokenSource tokenSource, String tokenHint) {

		/** Whether new articles of the edition are to be posted. */
		public boolean posting() {
			return this.enabled && this.tokenSource != TokenSource.NONE;
		}

	}

}
