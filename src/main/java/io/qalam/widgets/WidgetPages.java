package io.qalam.widgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the widgets' own pages (rates, weather) show, read from the stored values only.
 */
@Component
public class WidgetPages {

	private final JdbcClient jdbc;

	private final StoredWidgets widgets;

	WidgetPages(JdbcClient jdbc, StoredWidgets widgets) {
		this.jdbc = jdbc;
		this.widgets = widgets;
	}

	/** The city keys, largest city first. */
	public List<String> cities() {
		return City.ALL.stream().map(City::key).toList();
	}

	public boolean isCity(String key) {
		return key != null && City.exists(key);
	}

	/** The stored weather of every city, largest first. */
	public List<WeatherWidget> allWeather(String editionCode) {
		return this.widgets.everyCity();
	}

	/** One city's stored weather; an unknown city gives the edition's default city. */
	public WeatherWidget weather(String editionCode, String city) {
		return this.widgets.weather(editionCode, city);
	}

	/** The city shown when the reader has not chosen one. */
	public String defaultCity(String editionCode) {
		return this.widgets.defaultCity(editionCode);
	}

	/** The day of the latest stored rates, if any. */
	public Optional<LocalDate> latestDay() {
		return this.jdbc.sql("SELECT MAX(rate_date) FROM exchange_rates")
			.query(LocalDate.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** Every currency's rate on a day, by currency code. */
	public List<RatesWidget.Rate> ratesOn(LocalDate day) {
		return this.jdbc
			.sql("SELECT currency, rate, change, quant FROM exchange_rates WHERE rate_date = :day ORDER BY currency")
			.param("day", day)
			.query((rs, n) -> new RatesWidget.Rate(rs.getString("currency"), rs.getBigDecimal("rate"),
					rs.getBigDecimal("change"), rs.getInt("quant")))
			.list();
	}

	/** A currency's rates from {@code since} on, oldest first. */
	public List<Point> history(String currency, LocalDate since) {
		return this.jdbc.sql("""
				SELECT rate_date, rate FROM exchange_rates WHERE currency = :currency AND rate_date >= :since
				ORDER BY rate_date""")
			.param("currency", currency)
			.param("since", since)
			.query((rs, n) -> new Point(rs.getObject("rate_date", LocalDate.class), rs.getBigDecimal("rate")))
			.list();
	}

	/** One day's rate of a currency. */
	public record Point(LocalDate day, BigDecimal rate) {
	}

}
