package io.qalam.widgets;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The last fetch of each outside service: when it worked, and when and why it failed. */
@Component
class FetchLog {

	private static final Logger log = LoggerFactory.getLogger(FetchLog.class);

	static final String RATES = "rates";

	static final String WEATHER = "weather";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	FetchLog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Runs one fetch of a source and records how it went: a rejection is logged with its
	 * reason and recorded, and changes nothing.
	 * @param from what was asked, for the log
	 * @param fetchAndStore fetches, checks and stores; returns how many values it stored
	 * @return how many values were stored, or empty when the fetch was rejected
	 */
	Optional<Integer> attempt(String source, Object from, Supplier<Integer> fetchAndStore) {
		try {
			int stored = fetchAndStore.get();
			succeeded(source);
			count(source, "ok");
			return Optional.of(stored);
		}
		catch (FetchRejected ex) {
			log.warn("Fetch of {} from {} rejected: {}", source, from, ex.getMessage());
			failed(source, ex.getMessage());
			count(source, "rejected");
			return Optional.empty();
		}
	}

	private void count(String source, String result) {
		this.meters.counter("qalam.upstream.fetches", "source", source, "result", result).increment();
	}

	void succeeded(String source) {
		OffsetDateTime now = now();
		int updated = this.jdbc
			.sql("UPDATE widget_fetches SET last_attempt_at = :now, last_success_at = :now WHERE source = :source")
			.param("now", now)
			.param("source", source)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO widget_fetches (source, last_attempt_at, last_success_at)
					VALUES (:source, :now, :now)""").param("source", source).param("now", now).update();
		}
	}

	void failed(String source, String reason) {
		OffsetDateTime now = now();
		String cut = (reason.length() > 500) ? reason.substring(0, 500) : reason;
		int updated = this.jdbc.sql("""
				UPDATE widget_fetches SET last_attempt_at = :now, last_error_at = :now, last_error = :reason
				WHERE source = :source""").param("now", now).param("reason", cut).param("source", source).update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO widget_fetches (source, last_attempt_at, last_error_at, last_error)
					VALUES (:source, :now, :now, :reason)""")
				.param("source", source)
				.param("now", now)
				.param("reason", cut)
				.update();
		}
	}

	Optional<Status> status(String source) {
		return this.jdbc
			.sql("SELECT last_attempt_at, last_success_at, last_error_at, last_error FROM widget_fetches "
					+ "WHERE source = :source")
			.param("source", source)
			.query((rs, n) -> new Status(instant(rs.getObject("last_attempt_at", OffsetDateTime.class)),
					instant(rs.getObject("last_success_at", OffsetDateTime.class)),
					instant(rs.getObject("last_error_at", OffsetDateTime.class)), rs.getString("last_error")))
			.optional();
	}

	/**
	 * @param lastSuccess null when no fetch has worked yet
	 * @param lastError null when none has failed yet
	 */
	record Status(Instant lastAttempt, Instant lastSuccess, Instant lastError, String lastErrorReason) {
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
