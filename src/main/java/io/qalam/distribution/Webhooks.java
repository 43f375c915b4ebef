package io.qalam.distribution;

import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.qalam.content.ArticleEvent;
import io.qalam.platform.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks admins register, and the queue of deliveries to them. Each article event
 * queues one delivery per enabled webhook, keyed by the event, so that an event handed
 * out twice queues nothing the second time.
 */
@Component
public class Webhooks {

	/** More than this many is a misconfiguration, not a need. */
	static final int MAX_WEBHOOKS = 20;

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Webhooks(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Registers a webhook, enabled.
	 * @return the webhook with its signing secret, which is shown this once
	 * @throws IllegalArgumentException with a message for the admin when the address is
	 * not one Qalam can call
	 */
	@Transactional
	public Created create(String url, String by) {
		URI checked = check(url);
		long count = this.jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single();
		if (count >= MAX_WEBHOOKS) {
			throw new Refusal(Text.of("distribution.tooManyWebhooks", MAX_WEBHOOKS));
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhooks (url, secret_sealed, enabled, created_by, created_at)
				VALUES (:url, :secret, TRUE, :by, :now)""")
			.param("url", checked.toString())
			.param("secret", this.secrets.seal(secret))
			.param("by", by)
			.param("now", now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		return new Created(id, checked.toString(), secret);
	}

	/** Every webhook, newest first. */
	public List<Webhook> list() {
		return this.jdbc.sql("SELECT id, url, enabled, created_by, created_at FROM webhooks ORDER BY id DESC")
			.query((rs, n) -> new Webhook(rs.getLong("id"), rs.getString("url"), rs.getBoolean("enabled"),
					rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * @return false if there is no such webhook
	 */
	@Transactional
	public boolean setEnabled(long id, boolean enabled) {
		return this.jdbc.sql("UPDATE webhooks SET enabled = :enabled WHERE id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update() == 1;
	}

	/** Removes a webhook and its deliveries. @return false if there is no such webhook */
	@Transactional
	public boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM webhooks WHERE id = :id").param("id", id).update() == 1;
	}

	/** Queues a delivery of the event to every enabled webhook, once per event. */
	@Transactional
	public void enqueue(ArticleEvent event) {
		this.jdbc.sql("""
				INSERT INTO webhook_deliveries (webhook_id, event_key, event_type, article_id, state, attempts,
				    next_attempt_at, created_at)
				SELECT w.id, :key, :type, :article, 'PENDING', 0, :now, :now FROM webhooks w
				WHERE w.enabled AND NOT EXISTS (
				    SELECT 1 FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.event_key = :key)""")
			.param("key", eventKey(event))
			.param("type", eventType(event))
			.param("article", event.articleId())
			.param("now", now())
			.update();
	}

	String secret(long webhookId) {
		return this.secrets.open(this.jdbc.sql("SELECT secret_sealed FROM webhooks WHERE id = :id")
			.param("id", webhookId)
			.query(String.class)
			.single());
	}

	/** The name of an event in payloads and headers, e.g. {@code article.published}. */
	static String eventType(ArticleEvent event) {
		if (event instanceof ArticleEvent.ArticlePublished) {
			return "article.published";
		}
		return (event instanceof ArticleEvent.ArticleUpdated) ? "article.updated" : "article.unpublished";
	}

	/** What names one article change: its type, the article and its version after it. */
	static String eventKey(ArticleEvent event) {
		return eventType(event) + ":" + event.articleId() + ":" + event.version();
	}

	/**
	 * The address checked: absolute http(s), with a host, no user name or password in it
	 * (they would be shown on the page and sent in clear), no fragment.
	 */
	static URI check(String url) {
		String text = (url != null) ? url.strip() : "";
		if (text.isEmpty()) {
			throw new Refusal(Text.of("distribution.urlMissing"));
		}
		if (text.length() > 2000) {
			throw new Refusal(Text.of("distribution.urlTooLong", 2000));
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new Refusal(Text.of("distribution.urlMalformed"));
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new Refusal(Text.of("distribution.urlScheme"));
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new Refusal(Text.of("distribution.urlNoHost"));
		}
		if (uri.getRawUserInfo() != null) {
			throw new Refusal(Text.of("distribution.urlUserInfo"));
		}
		if (uri.getRawFragment() != null) {
			throw new Refusal(Text.of("distribution.urlFragment"));
		}
		return uri;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** A registered webhook (its secret is never shown again). */
	public record Webhook(long id, String url, boolean enabled, String createdBy, Instant createdAt) {
	}

	/** A new webhook with its secret, shown to the admin once. */
	public record Created(long id, String url, String secret) {
	}

}
