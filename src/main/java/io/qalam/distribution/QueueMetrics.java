package io.qalam.distribution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The channel posts and webhook deliveries waiting to go, and those that failed and wait
 * for an editor, as gauges read from the database when metrics are scraped (the same
 * counts on every node).
 */
@Component
class QueueMetrics {

	private final JdbcClient jdbc;

	QueueMetrics(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		gauge(meters, "qalam.telegram.posts", "waiting",
				"SELECT COUNT(*) FROM telegram_posts WHERE state IN ('PENDING', 'SENDING', 'UPDATING')");
		gauge(meters, "qalam.telegram.posts", "failed",
				"SELECT COUNT(*) FROM telegram_posts WHERE state IN ('FAILED', 'UNCERTAIN')");
		gauge(meters, "qalam.webhook.deliveries", "waiting",
				"SELECT COUNT(*) FROM webhook_deliveries WHERE state IN ('PENDING', 'SENDING')");
		gauge(meters, "qalam.webhook.deliveries", "failed",
				"SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'FAILED'");
	}

	private void gauge(MeterRegistry meters, String name, String state, String count) {
		Gauge.builder(name, () -> count(count))
			.description("Channel posts or webhook deliveries by state: waiting to go, or failed")
			.tag("state", state)
			.register(meters);
	}

	// NaN while the database is away: a scrape never fails for it
	private double count(String sql) {
		try {
			return this.jdbc.sql(sql).query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
