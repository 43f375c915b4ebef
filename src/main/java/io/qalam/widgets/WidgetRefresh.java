package io.qalam.widgets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the widgets' stored values fresh. Driven by state, not by timers: every tick (and
 * the first one right after start, in the background) fetches what is due — never
 * fetched, last fetched longer ago than its interval, or last failed longer ago than the
 * retry wait. The last attempt is in the database and each job holds a database lock, so
 * across all nodes a source is fetched once per interval.
 */
@Component
class WidgetRefresh {

	private final ExchangeRates rates;

	private final CurrentWeather weather;

	private final FetchLog fetches;

	private final WidgetsProperties properties;

	private final Duration retryAfterFailure;

	private final Clock clock;

	WidgetRefresh(ExchangeRates rates, CurrentWeather weather, FetchLog fetches, WidgetsProperties properties,
			@Value("${qalam.widgets.refresh.retry-after-failure}") Duration retryAfterFailure, Clock clock) {
		this.rates = rates;
		this.weather = weather;
		this.fetches = fetches;
		this.properties = properties;
		this.retryAfterFailure = retryAfterFailure;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qalam.widgets.refresh.initial-delay}",
			fixedDelayString = "${qalam.widgets.refresh.tick}")
	@SchedulerLock(name = "refresh-rates", lockAtMostFor = "PT10M")
	void refreshRates() {
		if (due(FetchLog.RATES, this.properties.rates().interval()) && this.rates.refresh().isPresent()) {
			// The rates page's chart needs a month; a few days per run, gently
			this.rates.backfillMissing(30, 5);
		}
	}

	@Scheduled(initialDelayString = "${qalam.widgets.refresh.initial-delay}",
			fixedDelayString = "${qalam.widgets.refresh.tick}")
	@SchedulerLock(name = "refresh-weather", lockAtMostFor = "PT10M")
	void refreshWeather() {
		if (due(FetchLog.WEATHER, this.properties.weather().interval())) {
			this.weather.refresh();
		}
	}

	/** Whether a source should be fetched now. */
	boolean due(String source, Duration interval) {
		Instant now = this.clock.instant();
		return this.fetches.status(source).map((status) -> {
			boolean lastFailed = status.lastSuccess() == null
					|| (status.lastError() != null && status.lastError().isAfter(status.lastSuccess()));
			Duration wait = lastFailed ? min(this.retryAfterFailure, interval) : interval;
			return !status.lastAttempt().plus(wait).isAfter(now);
		}).orElse(true);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
