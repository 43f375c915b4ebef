package io.qalam.analytics;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Counting settings ({@code qalam.analytics.*}).
 *
 * @param counting whether beacons are counted at all (they are answered either way)
 * @param flushInterval how often each node writes the views it added up
 * @param mostReadRefresh how often each node reads "most read" again
 * @param maxPending how many article × hour × source sums a node keeps between writes;
 * beyond it, views of new ones are dropped (a flood of made-up article numbers cannot
 * fill the memory)
 */
@Validated
@ConfigurationProperties("qalam.analytics")
record AnalyticsProperties(boolean counting, @NotNull Duration flushInterval, @NotNull Duration mostReadRefresh,
		@Min(100) int maxPending) {
}
