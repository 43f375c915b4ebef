package io.qalam.site;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Page cache settings ({@code qalam.cache.*}).
 *
 * @param enabled whether rendered pages are kept; off, every request renders its page
 * (for measuring, or to rule the cache out)
 * @param memory the most memory the kept pages take; the pages asked for least often go
 * first
 * @param visibilityCheck how often each node looks whether an embargo ended or a
 * publication time came, which changes pages without an event
 */
@Validated
@ConfigurationProperties("qalam.cache")
record PageCacheProperties(@NotNull Boolean enabled, @NotNull DataSize memory, @NotNull Duration visibilityCheck) {

	PageCacheProperties {
		if (memory.isNegative()) {
			throw new IllegalArgumentException("qalam.cache.memory must not be negative, was " + memory);
		}
	}

	boolean on() {
		return this.enabled && this.memory.toBytes() > 0;
	}

}
