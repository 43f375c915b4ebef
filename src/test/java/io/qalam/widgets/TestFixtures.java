package io.qalam.widgets;

/** Answers of the outside services as they send them, for tests in other packages. */
public final class TestFixtures {

	private TestFixtures() {
	}

	/** The National Bank's daily feed of 27 November 2026 (USD 512.34). */
	public static String rates() {
		return RatesFeedTests.fixture("rates_all.xml");
	}

	/**
	 * Open-Meteo's answer for every city: this temperature (°C, as the API writes it),
	 * light snow, observed an hour ago.
	 */
	public static String weather(String temperature) {
		String time = java.time.LocalDateTime.now(java.time.ZoneOffset.ofHours(5))
			.minusHours(1)
			.withSecond(0)
			.withNano(0)
			.toString();
		StringBuilder answer = new StringBuilder("[");
		for (int i = 0; i < City.ALL.size(); i++) {
			answer.append((i > 0) ? "," : "")
				.append("{\"utc_offset_seconds\": 18000, \"current\": {\"time\": \"")
				.append(time)
				.append("\", \"temperature_2m\": ")
				.append(temperature)
				.append(", \"weather_code\": 71, \"wind_speed_10m\": 7.9}}");
		}
		return answer.append("]").toString();
	}

}
