package io.qalam.widgets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored rates and weather, as the widgets show them. Never calls an outside service:
 * until the first fetch has stored something, the widgets say so.
 * <p>
 * The rates and each city's weather are read from the database at most once per
 * {@code qalam.widgets.fragment-ttl}; a refresh on this node replaces them at once (other
 * nodes follow within the TTL).
 */
@Component
@EnableConfigurationProperties(WidgetsProperties.class)
class StoredWidgets {

	// Older observations are shown with their date
	private static final Duration RECENT = Duration.ofHours(3);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WidgetsProperties properties;

	private final LoadingCache<String, RatesWidget> rates;

	private final LoadingCache<String, Optional<WeatherWidget.Current>> weather;

	StoredWidgets(JdbcClient jdbc, WidgetsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.rates = readAtMostOncePerTtl().build((key) -> loadRates());
		this.weather = readAtMostOncePerTtl().build(new WeatherLoader());
	}

	// Time from the application's clock, so that tests can move it
	private Caffeine<Object, Object> readAtMostOncePerTtl() {
		return Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis()))
			.expireAfterWrite(this.properties.fragmentTtl());
	}

	RatesWidget rates() {
		return this.rates.get("rates");
	}

	WeatherWidget weather(String editionCode, String city) {
		String chosen = City.exists(city) ? city : defaultCity(editionCode);
		return widget(chosen, this.weather.get(chosen), this.clock.instant());
	}

	/**
	 * Every city's weather, in the order of {@link City#ALL}; what is due is read in one
	 * statement.
	 */
	List<WeatherWidget> everyCity() {
		Instant now = this.clock.instant();
		Map<String, Optional<WeatherWidget.Current>> found = this.weather
			.getAll(City.ALL.stream().map(City::key).toList());
		return City.ALL.stream().map((c) -> widget(c.key(), found.get(c.key()), now)).toList();
	}

	private static WeatherWidget widget(String city, Optional<WeatherWidget.Current> stored, Instant now) {
		WeatherWidget.Current current = stored.orElse(null);
		boolean recent = current == null || current.observedAt().isAfter(now.minus(RECENT));
		return new WeatherWidget(city, current, recent);
	}

	String defaultCity(String editionCode) {
		return this.properties.weather()
			.defaultCityByEdition()
			.getOrDefault(editionCode, this.properties.weather().defaultCity());
	}

	/** New rates were stored: they are read again. */
	void ratesChanged() {
		this.rates.invalidateAll();
	}

	/** New weather was stored: it is read again. */
	void weatherChanged() {
		this.weather.invalidateAll();
	}

	private RatesWidget loadRates() {
		List<String> currencies = this.properties.rates().currencies();
		// MAX over no rows is one row holding NULL
		Optional<LocalDate> latest = this.jdbc
			.sql("SELECT MAX(rate_date) FROM exchange_rates WHERE currency IN (:currencies)")
			.param("currencies", currencies)
			.query(LocalDate.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
		if (latest.isEmpty()) {
			return new RatesWidget(List.of(), null);
		}
		List<RatesWidget.Rate> found = this.jdbc.sql(
				"SELECT currency, rate, change, quant FROM exchange_rates WHERE rate_date = :day AND currency IN (:currencies)")
			.param("day", latest.get())
			.param("currencies", currencies)
			.query((rs, n) -> new RatesWidget.Rate(rs.getString("currency"), rs.getBigDecimal("rate"),
					rs.getBigDecimal("change"), rs.getInt("quant")))
			.list();
		List<RatesWidget.Rate> ordered = new ArrayList<>();
		for (String currency : currencies) {
			found.stream().filter((r) -> r.currency().equals(currency)).findFirst().ifPresent(ordered::add);
		}
		return new RatesWidget(ordered, latest.get());
	}

	private Optional<WeatherWidget.Current> loadWeather(String city) {
		return this.jdbc.sql("""
				SELECT temperature_c, weather_code, wind_speed_kmh, observed_at FROM weather_now WHERE city = :city""")
			.param("city", city)
			.query((rs, n) -> current(rs))
			.optional();
	}

	private static WeatherWidget.Current current(ResultSet rs) throws SQLException {
		return new WeatherWidget.Current(rs.getBigDecimal("temperature_c"), rs.getInt("weather_code"),
				rs.getBigDecimal("wind_speed_kmh"), rs.getObject("observed_at", OffsetDateTime.class).toInstant());
	}

	/** Reads one city, or every city asked for in one statement. */
	private final class WeatherLoader
			implements com.github.benmanes.caffeine.cache.CacheLoader<String, Optional<WeatherWidget.Current>> {

		@Override
		public Optional<WeatherWidget.Current> load(String city) {
			return loadWeather(city);
		}

		@Override
		public Map<String, Optional<WeatherWidget.Current>> loadAll(Set<? extends String> cities) {
			Map<String, Optional<WeatherWidget.Current>> found = new HashMap<>();
			StoredWidgets.this.jdbc
				.sql("SELECT city, temperature_c, weather_code, wind_speed_kmh, observed_at FROM weather_now")
				.query((rs) -> {
					found.put(rs.getString("city"), Optional.of(current(rs)));
				});
			for (String city : cities) {
				found.putIfAbsent(city, Optional.empty());
			}
			return found;
		}

	}

}
