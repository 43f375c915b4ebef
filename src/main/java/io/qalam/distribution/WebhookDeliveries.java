package io.qalam.distribution;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Webhook deliveries as the newsroom shows them, and the retry of a failed one. */
@Component
public class WebhookDeliveries {

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookDeliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The latest deliveries, failed ones first. */
	public List<Delivered> recent(int limit) {
		return this.jdbc.sql("""
				SELECT d.id, w.url, d.event_type, d.article_id, d.state, d.attempts, d.last_status, d.last_error,
				       d.created_at, d.delivered_at
				FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
				ORDER BY CASE WHEN d.state = 'FAILED' THEN 0 ELSE 1 END, d.id DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Delivered(rs.getLong("id"), rs.getString("url"), rs.getString("event_type"),
					rs.getLong("article_id"), rs.getString("state"), rs.getInt("attempts"),
					(rs.getObject("last_status") != null) ? rs.getInt("last_status") : null, rs.getString("last_error"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					(rs.getObject("delivered_at") != null)
							? rs.getObject("delivered_at", OffsetDateTime.class).toInstant() : null))
			.list();
	}

	/** Sends a failed delivery again. @return false if it is not failed */
	@Transactional
	public boolean retry(long id) {
		return this.jdbc.sql("""
				UPDATE webhook_deliveries SET state = 'PENDING', attempts = 0, next_attempt_at = :now
				WHERE id = :id AND state = 'FAILED'""")
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
	}

	/** A delivery as the newsroom shows it. */
	public record Delivered(long id, String url, String event, long articleId, String state, int attempts,
			Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
	}

}
