package io.qalam.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Keeps a starting node out of the load balancer until its search index has been checked
 * against the database (the health contributor {@code search}, part of the readiness
 * probe): before that a reader's search may miss the newest articles.
 */
@Component("searchHealthIndicator")
class SearchIndexHealth implements HealthIndicator {

	private final SearchIndex index;

	SearchIndexHealth(SearchIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		return this.index.checked() ? Health.up().build()
				: Health.down().withDetail("reason", "the search index is being checked against the database").build();
	}

}
