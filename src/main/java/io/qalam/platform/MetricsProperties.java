package io.qalam.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Prometheus metrics ({@code qalam.metrics.*}).
 *
 * @param token the bearer token a scraper sends to {@code /actuator/prometheus}
 * ({@code QALAM_METRICS_TOKEN}); unset, nothing is measured and the address is not found
 */
@Validated
@ConfigurationProperties("qalam.metrics")
public record MetricsProperties(String token) {

	// long enough not to be guessed by a scraper of scrapers
	private static final int SHORTEST = 16;

	public MetricsProperties {
		if (token != null && token.isBlank()) {
			token = null;
		}
		if (token != null && (token.length() < SHORTEST || !token.matches("[\\x21-\\x7e]+"))) {
			throw new IllegalArgumentException("qalam.metrics.token (QALAM_METRICS_TOKEN) takes at least " + SHORTEST
					+ " printable characters without spaces, such as the output of: openssl rand -hex 24");
		}
	}

	/** Whether metrics are measured and answered. */
	public boolean enabled() {
		return this.token != null;
	}

}
