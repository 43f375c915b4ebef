package io.qalam.widgets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.qalam.platform.Workers;

import jakarta.annotation.PreDestroy;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * How the outside services behind the widgets are doing, for the newsroom's status page
 * and the health check; and a refresh on demand.
 */
@Component
public class WidgetStatus {

	private final FetchLog fetches;

	private final ExchangeRates rates;

	private final CurrentWeather weather;

	private final WidgetsProperties properties;

	private final Clock clock;

	// Fetches asked for in the newsroom, one at a time, at most one waiting per source
	private final ThreadPoolTaskExecutor refreshes = Workers.inOrder("widgets-now");

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	WidgetStatus(FetchLog fetches, ExchangeRates rates, CurrentWeather weather, WidgetsProperties properties,
			Clock clock) {
		this.fetches = fetches;
		this.rates = rates;
		this.weather = weather;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One outside service.
	 *
	 * @param key {@code rates} or {@code weather}
	 * @param lastSuccess when a fetch last worked, or null if none has
	 * @param lastError when a fetch last failed, or null
	 * @param lastErrorReason why it failed, or null
	 * @param stale whether the stored values are older than {@code staleAfter}
	 */
	public record Source(String key, String name, String upstream, Instant lastSuccess, Instant lastError,
			String lastErrorReason, Duration staleAfter, boolean stale) {
	}

	public List<Source> sources() {
		return List.of(
				source(FetchLog.RATES, "Exchange rates (National Bank of Kazakhstan)",
						this.properties.rates().url().toString(), this.properties.rates().staleAfter()),
				source(FetchLog.WEATHER, "Weather (Open-Meteo)", this.properties.weather().url().toString(),
						this.properties.weather().staleAfter()));
	}

	/**
	 * Queues a fetch of one source, whatever its schedule says, and returns at once: an
	 * outside service may take its whole deadline, which no editor's request should wait
	 * for. The result shows on the status page once the fetch is done.
	 * @return whether a fetch was queued; false when one for this source is already
	 * waiting or running
	 * @throws IllegalArgumentException for an unknown source
	 */
	public boolean refreshNow(String key) {
		Runnable fetch = switch (key) {
			case FetchLog.RATES -> this.rates::refresh;
			case FetchLog.WEATHER -> this.weather::refresh;
			default -> throw new IllegalArgumentException("No widget source '" + key + "'");
		};
		if (!this.queued.add(key)) {
			return false;
		}
		try {
			this.refreshes.execute(() -> {
				try {
					fetch.run();
				}
				finally {
					this.queued.remove(key);
				}
			});
		}
		catch (TaskRejectedException ex) {
			this.queued.remove(key);
			return false;
		}
		return true;
	}

	@PreDestroy
	void stop() {
		this.refreshes.shutdown();
	}

	private Source source(String key, String name, String upstream, Duration staleAfter) {
		Optional<FetchLog.Status> status = this.fetches.status(key);
		Instant success = status.map(FetchLog.Status::lastSuccess).orElse(null);
		boolean stale = success == null || success.plus(staleAfter).isBefore(this.clock.instant());
		return new Source(key, name, upstream, success, status.map(FetchLog.Status::lastError).orElse(null),
				status.map(FetchLog.Status::lastErrorReason).orElse(null), staleAfter, stale);
	}

}
