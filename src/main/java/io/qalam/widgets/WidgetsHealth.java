package io.qalam.widgets;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reports widgets whose stored values are stale as {@code STALE} — a status of its own,
 * answered with HTTP 200 and ranked above UP only (see {@code management.endpoint.health}
 * in {@code application.yml}): old rates are worth an alert, never a restart or a node
 * taken out of the load balancer.
 */
@Component("widgets")
class WidgetsHealth implements HealthIndicator {

	static final Status STALE = new Status("STALE", "The widgets show values older than they should");

	private final WidgetStatus status;

	WidgetsHealth(WidgetStatus status) {
		this.status = status;
	}

	@Override
	public Health health() {
		boolean stale = false;
		Health.Builder health = Health.up();
		for (WidgetStatus.Source source : this.status.sources()) {
			stale |= source.stale();
			health.withDetail(source.key(), (source.lastSuccess() != null)
					? "last fetched " + source.lastSuccess() + (source.stale() ? ", stale" : "") : "never fetched");
		}
		return stale ? health.status(STALE).build() : health.build();
	}

}
