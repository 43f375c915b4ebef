package io.qalam.widgets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.qalam.platform.web.WidgetSlots;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills the public pages' widget slots from the stored rates and weather. Never calls an
 * outside service: until the first fetch has stored something, the widgets say so.
 */
@Component
@EnableConfigurationProperties(WidgetsProperties.class)
class StoredWidgets implements WidgetSlots {

	// Older observations are shown with their date
	private static final java.time.Duration RECENT = java.time.Duration.ofHours(3);

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final WidgetsProperties properties;

	StoredWidgets(JdbcClient jdbc, WidgetsProperties properties, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public RatesWidget rates() {
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

	@Override
	public WeatherWidget weather(String editionCode, String city) {
		String chosen = City.exists(city) ? city : defaultCity(editionCode);
		Current now = this.jdbc.sql("""
				SELECT temperature_c, weather_code, wind_speed_kmh, observed_at FROM weather_now WHERE city = :city""")
			.param("city", chosen)
			.query((rs, n) -> new Current(rs.getBigDecimal("temperature_c"), rs.getInt("weather_code"),
					rs.getBigDecimal("wind_speed_kmh"), rs.getObject("observed_at", OffsetDateTime.class).toInstant()))
			.optional()
			.orElse(null);
		boolean recent = now == null || now.observedAt().isAfter(this.clock.instant().minus(RECENT));
		return new WeatherWidget(chosen, now, recent);
	}

	@Override
	public String defaultCity(String editionCode) {
		return this.properties.weather()
			.defaultCityByEdition()
			.getOrDefault(editionCode, this.properties.weather().defaultCity());
	}

}
