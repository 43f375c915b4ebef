package io.qalam.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sidebar widgets a public page shows. Implementations read stored values only and
 * never call an outside service, so a slow or broken upstream can never slow or break a
 * page.
 */
public interface WidgetSlots {

	RatesWidget rates();

	/**
	 * @param city a city key such as {@code almaty}; unknown keys fall back to the
	 * edition's default city
	 */
	WeatherWidget weather(String editionCode, String city);

	/** The city shown when the reader has not chosen one. */
	String defaultCity(String editionCode);

	/** Official exchange rates in tenge; {@code rows} is empty until the first fetch. */
	record RatesWidget(List<Rate> rows, LocalDate asOf) {

		public boolean hasData() {
			return !this.rows.isEmpty();
		}

	}

	/**
	 * @param currency ISO code, e.g. {@code USD}
	 * @param rate tenge for one unit
	 * @param change signed change since the previous day
	 */
	record Rate(String currency, BigDecimal rate, BigDecimal change) {

		public int direction() {
			return this.change.signum();
		}

	}

	/**
	 * Current weather in one city; {@code now} is null until the first fetch.
	 * {@code recent} is false when the observation is hours old (the upstream has been
	 * failing): the widget then shows its date as well as its time.
	 */
	record WeatherWidget(String city, Current now, boolean recent) {

		public WeatherWidget(String city, Current now) {
			this(city, now, true);
		}

		public boolean hasData() {
			return this.now != null;
		}

	}

	/**
	 * @param weatherCode the WMO weather code
	 */
	record Current(BigDecimal temperatureC, int weatherCode, BigDecimal windSpeedKmh, Instant observedAt) {

		/**
		 * The message key suffix of the condition, e.g. {@code clear} or {@code snow}.
		 */
		public String condition() {
			int c = this.weatherCode;
			if (c == 0) {
				return "clear";
			}
			if (c <= 2) {
				return "partly-cloudy";
			}
			if (c == 3) {
				return "overcast";
			}
			if (c == 45 || c == 48) {
				return "fog";
			}
			if ((c >= 51 && c <= 67) || (c >= 80 && c <= 82)) {
				return "rain";
			}
			if ((c >= 71 && c <= 77) || c == 85 || c == 86) {
				return "snow";
			}
			if (c >= 95) {
				return "thunderstorm";
			}
			return "overcast";
		}

	}

}
