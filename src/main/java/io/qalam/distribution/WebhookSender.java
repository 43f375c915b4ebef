package io.qalam.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.qalam.content.ArticleStatus;
import io.qalam.content.DistributedArticles;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.OutsideCall;
import io.qalam.platform.SiteProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Calls webhooks: every due delivery is claimed (one node wins it), sent as a signed JSON
 * POST, and recorded as delivered, to be retried after the configured waits, or failed
 * for an admin to see. Delivery is at least once — a node that stops during a call leaves
 * the delivery to be sent again — so receivers drop repeats by the
 * {@code X-Qalam-Delivery} header.
 *
 * <p>
 * The signature header is {@code X-Qalam-Signature: t=<unix seconds>,v1=<hex>}, the
 * HMAC-SHA256, under the webhook's secret, of the seconds, a dot and the exact body.
 */
@Component
class WebhookSender {

	static final String SIGNATURE = "X-Qalam-Signature";

	// Only the status of a webhook's answer counts; this much of its body is read at most
	private static final int ANSWER_READ = 64 * 1024;

	private final JdbcClient jdbc;

	private final Webhooks webhooks;

	private final DistributedArticles articles;

	private final MediaLibrary media;

	private final SiteProperties site;

	private final DistributionProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	// Built on the first call, not at start: building one loads the TLS stack and the
	// trusted certificates, a few hundred milliseconds that a starting site spends better
	private final SingletonSupplier<HttpClient> client;

	WebhookSender(JdbcClient jdbc, Webhooks webhooks, DistributedArticles articles, MediaLibrary media,
			SiteProperties site, DistributionProperties properties, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.webhooks = webhooks;
		this.articles = articles;
		this.media = media;
		this.site = site;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	/** Sends every delivery that is due. */
	void sendDue() {
		// A node that stopped during a call left its delivery claimed: send it again
		this.jdbc.sql("""
				UPDATE webhook_deliveries SET state = 'PENDING', claimed_at = NULL
				WHERE state = 'SENDING' AND claimed_at < :stale""")
			.param("stale", at(this.clock.instant().minus(this.properties.uncertainAfter())))
			.update();
		List<Due> due = this.jdbc.sql("""
				SELECT d.id, d.webhook_id, d.event_type, d.article_id, d.attempts, w.url
				FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
				WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now AND w.enabled
				ORDER BY d.next_attempt_at, d.id LIMIT 50""")
			.param("now", at(this.clock.instant()))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event_type"),
					rs.getLong("article_id"), rs.getInt("attempts"), rs.getString("url")))
			.list();
		for (Due delivery : due) {
			send(delivery);
		}
	}

	private void send(Due delivery) {
		var article = this.articles.find(delivery.articleId());
		Instant now = this.clock.instant();
		// An embargoed article is announced when readers may see it, not before
		if (article.isPresent() && article.get().status() == ArticleStatus.PUBLISHED
				&& article.get().visibleFrom().isAfter(now)) {
			this.jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = :at WHERE id = :id")
				.param("at", at(article.get().visibleFrom()))
				.param("id", delivery.id())
				.update();
			return;
		}
		int claimed = this.jdbc.sql("""
				UPDATE webhook_deliveries SET state = 'SENDING', claimed_at = :now, attempts = attempts + 1
				WHERE id = :id AND state = 'PENDING'""").param("now", at(now)).param("id", delivery.id()).update();
		if (claimed == 0) {
			return;
		}
		int attempt = delivery.attempts() + 1;
		String body = payload(delivery, article.orElse(null), now);
		String timestamp = Long.toString(now.getEpochSecond());
		Delivery outcome;
		try {
			String signature = sign(this.webhooks.secret(delivery.webhookId()), timestamp + "." + body);
			HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(this.properties.readTimeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Qalam-Webhook/1")
				.header("X-Qalam-Event", delivery.type())
				.header("X-Qalam-Delivery", Long.toString(delivery.id()))
				.header(SIGNATURE, "t=" + timestamp + ",v1=" + signature)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			int status;
			try {
				status = OutsideCall.send(this.client.obtain(), request, ANSWER_READ, this.properties.readTimeout())
					.status();
			}
			catch (OutsideCall.TooLarge ex) {
				// CASE: only the status counts; a long body after it is not read
				status = ex.status();
			}
			outcome = (status >= 200 && status < 300) ? new Delivery.Done(0)
					: new Delivery.Refused(status, "answered " + status, false);
		}
		catch (IOException ex) {
			outcome = Delivery.of(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			outcome = new Delivery.Unknown("interrupted");
		}
		catch (RuntimeException ex) {
			outcome = new Delivery.Refused(0, ex.getMessage(), true);
		}
		record(delivery.id(), attempt, outcome);
	}

	private void record(long id, int attempt, Delivery outcome) {
		Instant now = this.clock.instant();
		if (outcome instanceof Delivery.Done) {
			this.jdbc.sql("""
					UPDATE webhook_deliveries SET state = 'DELIVERED', delivered_at = :now, claimed_at = NULL,
					    last_status = 200, last_error = NULL WHERE id = :id""")
				.param("now", at(now))
				.param("id", id)
				.update();
			return;
		}
		String reason = Delivery.reason(outcome);
		Integer status = (outcome instanceof Delivery.Refused refused && refused.status() > 0) ? refused.status()
				: null;
		Duration wait = this.properties.waitAfter(attempt);
		boolean retry = wait != null && !(outcome instanceof Delivery.Refused r && r.permanent());
		this.jdbc.sql("""
				UPDATE webhook_deliveries SET state = :state, next_attempt_at = :next, claimed_at = NULL,
				    last_status = :status, last_error = :error WHERE id = :id""")
			.param("state", retry ? "PENDING" : "FAILED")
			.param("next", at(retry ? now.plus(wait) : now))
			.param("status", status)
			.param("error", cut(reason, 500))
			.param("id", id)
			.update();
	}

	private String payload(Due delivery, DistributedArticles.Outgoing article, Instant now) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("delivery", delivery.id());
		body.put("event", delivery.type());
		body.put("sentAt", now.toString());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", delivery.articleId());
		if (article != null) {
			fields.put("edition", article.edition());
			fields.put("url", (article.path() != null) ? this.site.absolute(article.path()) : null);
			fields.put("headline", article.headline());
			fields.put("lead", article.lead());
			fields.put("section", article.sectionSlug());
			fields.put("publishedAt", (article.publishedAt() != null) ? article.publishedAt().toString() : null);
			fields.put("updatedAt", (article.updatedAt() != null) ? article.updatedAt().toString() : null);
			Optional<ImageView> image = (article.leadImageId() != null) ? this.media.find(article.leadImageId())
					: Optional.empty();
			fields.put("leadImage", image.map((i) -> this.site.absolute(i.url(i.largest()))).orElse(null));
		}
		body.put("article", fields);
		return this.json.writeValueAsString(body);
	}

	/** The hex HMAC-SHA256 of {@code signed} under {@code secret}. */
	static String sign(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private record Due(long id, long webhookId, String type, long articleId, int attempts, String url) {
	}

}
