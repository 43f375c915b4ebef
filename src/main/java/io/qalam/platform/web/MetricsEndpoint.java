package io.qalam.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qalam.platform.MetricsProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The metrics in Prometheus's text format, for a scraper that sends the bearer token of
 * {@code QALAM_METRICS_TOKEN}; not found while no token is set. Qalam's own check rather
 * than Boot's endpoint: the packaged jar fixes which actuator endpoints exist when it is
 * built, and the newsroom's login is no way for a scraper in.
 */
@RestController
class MetricsEndpoint {

	static final String PATH = "/actuator/prometheus";

	private static final MediaType TEXT_FORMAT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

	private final MetricsProperties properties;

	private final MeterRegistry registry;

	MetricsEndpoint(MetricsProperties properties, MeterRegistry registry) {
		this.properties = properties;
		this.registry = registry;
	}

	@GetMapping(PATH)
	ResponseEntity<String> scrape(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (!this.properties.enabled() || !(this.registry instanceof PrometheusMeterRegistry prometheus)) {
			return ResponseEntity.notFound().build();
		}
		if (!bearer(authorization, this.properties.token())) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
				.cacheControl(CacheControl.noStore())
				.build();
		}
		return ResponseEntity.ok()
			.contentType(TEXT_FORMAT)
			.cacheControl(CacheControl.noStore())
			.body(prometheus.scrape());
	}

	// compared in constant time: the answer's timing tells nothing of the token
	private static boolean bearer(String authorization, String token) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}

}
