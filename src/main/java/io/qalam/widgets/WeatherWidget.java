package io.qalam.widgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Current weather in one city; {@code now} is null until the first fetch. {@code recent}
 * is false when the observation is hours old (the upstream has been failing): the widget
 * then shows its date as well as its time.
 */
public record WeatherWidget(String city, WeatherWidget.Current now, boolean recent) {

	public WeatherWidget(String city, Current now) {
		this(city, now, true);
	}

	public boolean hasData() {
		return this.now != null;
	}

	/**
	 * @param weatherCode the WMO weather code
	 */
	public record Current(BigDecimal temperatureC, int weatherCode, BigDecimal windSpeedKmh, Instant observedAt) {

		/**
		 * Whole degrees as print writes them: "−13 °C" with a real minus sign, "+21 °C",
		 * "0 °C" (the sign is that of the rounded value: no "+0"), a no-break space
		 * before the unit.
		 */
		public String temperature() {
			BigDecimal whole = this.temperatureC.setScale(0, RoundingMode.HALF_UP);
			String sign = (whole.signum() > 0) ? "+" : (whole.signum() < 0) ? "\u2212" : "";
			return sign + whole.abs().toPlainString() + "\u00a0°C";
		}

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
