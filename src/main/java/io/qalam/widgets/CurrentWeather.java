package io.qalam.widgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.qalam.edition.Editions;
import io.qalam.platform.web.EdgeCache;
import io.qalam.platform.web.SlotMarkers.Slot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Current weather for every city from Open-Meteo, all cities in one request (the API
 * takes lists of coordinates). An answer that is broken or absurd — an HTTP error,
 * malformed JSON, a city or field missing, a temperature outside −60…+60 °C, an unknown
 * weather code, a negative or hurricane-beyond wind, a time in the future — is rejected
 * as a whole and logged with its reason; the stored weather stays as it was.
 */
@Component
class CurrentWeather {

	private static final BigDecimal MIN_TEMPERATURE = BigDecimal.valueOf(-60);

	private static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(60);

	private static final BigDecimal MAX_WIND = BigDecimal.valueOf(250);

	// Upstream clocks run a little ahead at times; more than this is a wrong answer
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Upstream upstream;

	private final FetchLog fetches;

	private final TransactionTemplate transactions;

	private final WidgetsProperties properties;

	private final Clock clock;

	private final StoredWidgets widgets;

	private final EdgeCache edge;

	private final Editions editions;

	private final JsonMapper json = JsonMapper.builder().build();

	CurrentWeather(JdbcClient jdbc, Upstream upstream, FetchLog fetches, TransactionTemplate transactions,
			WidgetsProperties properties, Clock clock, StoredWidgets widgets, EdgeCache edge, Editions editions) {
		this.widgets = widgets;
		this.edge = edge;
		this.editions = editions;
		this.jdbc = jdbc;
		this.upstream = upstream;
		this.fetches = fetches;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Fetches the current weather of all cities and stores it.
	 * @return how many cities were stored, or empty when the fetch was rejected
	 */
	Optional<Integer> refresh() {
		return this.fetches.attempt(FetchLog.WEATHER, this.properties.weather().url(), () -> {
			List<Observation> observations = parse(this.upstream.get(uri()));
			this.transactions.executeWithoutResult((status) -> {
				observations.forEach(this::store);
				// an edge that assembles pages keeps the weather fragments apart: they
				// go,
				// the pages stay (an edge without ESI keeps the weather a page had)
				this.edge
					.purge(this.editions.all().stream().map((e) -> EdgeCache.slotKey(Slot.WEATHER, e.code())).toList());
			});
			this.widgets.weatherChanged();
			return observations.size();
		});
	}

	record Observation(String city, BigDecimal temperatureC, int weatherCode, BigDecimal windSpeedKmh,
			Instant observedAt) {
	}

	List<Observation> parse(String body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new FetchRejected("malformed JSON: " + FetchRejected.quote(ex.getOriginalMessage()));
		}
		List<JsonNode> answers = new ArrayList<>();
		if (root != null && root.isArray()) {
			root.forEach(answers::add);
		}
		else if (root != null && root.isObject()) {
			answers.add(root);
		}
		if (answers.size() != City.ALL.size()) {
			throw new FetchRejected(
					"expected weather for " + City.ALL.size() + " cities, the answer has " + answers.size());
		}
		Instant latest = this.clock.instant().plus(CLOCK_SKEW);
		List<Observation> observations = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			City city = City.ALL.get(i);
			JsonNode current = answers.get(i).get("current");
			if (current == null || !current.isObject()) {
				throw new FetchRejected(city.key() + ": no \"current\" in the answer");
			}
			BigDecimal temperature = number(current, "temperature_2m", city);
			if (temperature.compareTo(MIN_TEMPERATURE) < 0 || temperature.compareTo(MAX_TEMPERATURE) > 0) {
				throw new FetchRejected(
						city.key() + ": temperature " + temperature.toPlainString() + " °C is outside −60…+60 °C");
			}
			BigDecimal code = number(current, "weather_code", city);
			boolean whole = code.stripTrailingZeros().scale() <= 0;
			if (!whole || code.signum() < 0 || code.compareTo(BigDecimal.valueOf(99)) > 0) {
				throw new FetchRejected(city.key() + ": weather code " + code.toPlainString() + " is not a WMO code");
			}
			BigDecimal wind = number(current, "wind_speed_10m", city);
			if (wind.signum() < 0 || wind.compareTo(MAX_WIND) > 0) {
				throw new FetchRejected(city.key() + ": wind " + wind.toPlainString() + " km/h is not possible");
			}
			Instant at = time(answers.get(i), current, city);
			if (at.isAfter(latest)) {
				throw new FetchRejected(city.key() + ": observed at " + at + ", in the future");
			}
			observations.add(new Observation(city.key(), temperature.setScale(1, RoundingMode.HALF_UP), code.intValue(),
					wind.setScale(1, RoundingMode.HALF_UP), at));
		}
		return observations;
	}

	private void store(Observation o) {
		int updated = this.jdbc.sql("""
				UPDATE weather_now SET temperature_c = :t, weather_code = :code, wind_speed_kmh = :wind,
				    observed_at = :at WHERE city = :city""")
			.param("t", o.temperatureC())
			.param("code", o.weatherCode())
			.param("wind", o.windSpeedKmh())
			.param("at", o.observedAt().atOffset(ZoneOffset.UTC))
			.param("city", o.city())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO weather_now (city, temperature_c, weather_code, wind_speed_kmh, observed_at)
					VALUES (:city, :t, :code, :wind, :at)""")
				.param("city", o.city())
				.param("t", o.temperatureC())
				.param("code", o.weatherCode())
				.param("wind", o.windSpeedKmh())
				.param("at", o.observedAt().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	// "time" is local to the city (timezone=auto); utc_offset_seconds places it
	private static Instant time(JsonNode answer, JsonNode current, City city) {
		JsonNode time = current.get("time");
		JsonNode offset = answer.get("utc_offset_seconds");
		if (time == null || !time.isString() || offset == null || !offset.isIntegralNumber()) {
			throw new FetchRejected(city.key() + ": no observation time");
		}
		try {
			return OffsetDateTime.of(LocalDateTime.parse(time.asString()), ZoneOffset.ofTotalSeconds(offset.intValue()))
				.toInstant();
		}
		catch (java.time.DateTimeException ex) {
			throw new FetchRejected(
					city.key() + ": observation time '" + FetchRejected.quote(time.asString()) + "' is not a time");
		}
	}

	private static BigDecimal number(JsonNode current, String field, City city) {
		JsonNode value = current.get(field);
		if (value == null || !value.isNumber()) {
			throw new FetchRejected(city.key() + ": no number for " + field);
		}
		// Refused before any arithmetic: an exponent beyond a double's range reads as
		// infinite, one within it could still be absurdly long to work with
		double number = value.doubleValue();
		if (!Double.isFinite(number) || Math.abs(number) > 1_000_000) {
			throw new FetchRejected(city.key() + ": " + field + " is out of any range");
		}
		return value.decimalValue();
	}

	private URI uri() {
		String latitudes = City.ALL.stream()
			.map((c) -> String.format(Locale.ROOT, "%.4f", c.latitude()))
			.collect(Collectors.joining(","));
		String longitudes = City.ALL.stream()
			.map((c) -> String.format(Locale.ROOT, "%.4f", c.longitude()))
			.collect(Collectors.joining(","));
		return Upstream.resolve(this.properties.weather().url(), "/v1/forecast?latitude=" + latitudes + "&longitude="
				+ longitudes + "&current=temperature_2m,weather_code,wind_speed_10m&timezone=auto");
	}

}
