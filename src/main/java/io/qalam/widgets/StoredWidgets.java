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
import java.util.concurrent.ConcurrentHashMap;

import io.qalam.platform.web.WidgetSlots;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills the public pages' widget slots from the stored rates and weather. Never calls an
 * outside service: until the first fetch has stored something, the widgets say so.
 * <p>
 * The slots are filled from a fragment cache: the rates and each city's weather are read
 * from the database at most once per {@code qalam.widgets.fragment-ttl}, and a refresh on
 * this node replaces them at once (other nodes follow within the TTL). A refresh replaces
 * these fragments and nothing else.
 */
@Component
@EnableConfigurationProperties(WidgetsProperties.class)
class StoredWidgets implements WidgetSlots {

	// Older observations are shown with their date
	private static final Duration RECENT = Duration.ofHours(3);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WidgetsProperties properties;

	private volatile Cached<RatesWidget> rates;

	private final Map<String, Cached<Optional<Current>>> weather = new ConcurrentHashMap<>();

	StoredWidgets(JdbcClient jdbc, WidgetsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public RatesWidget rates() {
		Cached<RatesWidget> cached = this.rates;
		if (cached == null || cached.expired(this.clock.instant(), this.properties.fragmentTtl())) {
			cached = new Cached<>(loadRates(), this.clock.instant());
			this.rates = cached;
		}
		return cached.value();
	}

	@Override
	public WeatherWidget weather(String editionCode, String city) {
		String chosen = City.exists(city) ? city : defaultCity(editionCode);
		Instant now = this.clock.instant();
		Cached<Optional<Current>> cached = this.weather.get(chosen);
		if (cached == null || cached.expired(now, this.properties.fragmentTtl())) {
			cached = new Cached<>(loadWeather(chosen), now);
			this.weather.put(chosen, cached);
		}
		return widget(chosen, cached.value(), now);
	}

	/**
	 * Every city's weather, in the order of {@link City#ALL}; read in one statement when
	 * any city's fragment is due.
	 */
	List<WeatherWidget> everyCity() {
		Instant now = this.clock.instant();
		Map<String, Optional<Current>> found = new HashMap<>();
		for (City city : City.ALL) {
			Cached<Optional<Current>> cached = this.weather.get(city.key());
			if (cached != null && !cached.expired(now, this.properties.fragmentTtl())) {
				found.put(city.key(), cached.value());
			}
		}
		if (found.size() < City.ALL.size()) {
			found.clear();
			this.jdbc.sql("SELECT city, temperature_c, weather_code, wind_speed_kmh, observed_at FROM weather_now")
				.query((rs) -> {
					found.put(rs.getString("city"), Optional.of(current(rs)));
				});
			for (City city : City.ALL) {
				this.weather.put(city.key(),
						new Cached<>(found.computeIfAbsent(city.key(), (k) -> Optional.empty()), now));
			}
		}
		return City.ALL.stream().map((c) -> widget(c.key(), found.get(c.key()), now)).toList();
	}

	private static WeatherWidget widget(String city, Optional<Current> stored, Instant now) {
		Current current = stored.orElse(null);
		boolean recent = current == null || current.observedAt().isAfter(now.minus(RECENT));
		return new WeatherWidget(city, current, recent);
	}

	@Override
	public String defaultCity(String editionCode) {
		return this.properties.weather()
			.defaultCityByEdition()
			.getOrDefault(editionCode, this.properties.weather().defaultCity());
	}

	/** New rates were stored: the rates fragment is replaced. */
	void ratesChanged() {
		this.rates = null;
	}

	/** New weather was stored: the weather fragments are replaced. */
	void weatherChanged() {
		this.weather.clear();
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
		List<Rate> found = this.jdbc.sql(
				"SELECT currency, rate, change FROM exchange_rates WHERE rate_date = :day AND currency IN (:currencies)")
			.param("day", latest.get())
			.param("currencies", currencies)
			.query((rs, n) -> new Rate(rs.getString("currency"), rs.getBigDecimal("rate"), rs.getBigDecimal("change")))
			.list();
		List<Rate> ordered = new ArrayList<>();
		for (String currency : currencies) {
			found.stream().filter((r) -> r.currency().equals(currency)).findFirst().ifPresent(ordered::add);
		}
		return new RatesWidget(ordered, latest.get());
	}

	private Optional<Current> loadWeather(String city) {
		return this.jdbc.sql("""
				SELECT temperature_c, weather_code, wind_speed_kmh, observed_at FROM weather_now WHERE city = :city""")
			.param("city", city)
			.query((rs, n) -> current(rs))
			.optional();
	}

	private static Current current(ResultSet rs) throws SQLException {
		return new Current(rs.getBigDecimal("temperature_c"), rs.getInt("weather_code"),
				rs.getBigDecimal("wind_speed_kmh"), rs.getObject("observed_at", OffsetDateTime.class).toInstant());
	}

	private record Cached<T>(T value, Instant loadedAt) {

		boolean expired(Instant now, Duration ttl) {
			return !this.loadedAt.plus(ttl).isAfter(now);
		}

	}

}
