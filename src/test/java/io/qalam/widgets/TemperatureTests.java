package io.qalam.widgets;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A temperature as the widget prints it: whole degrees, a real minus sign, a plus only
 * above zero once rounded (never "+0" or "−0").
 */
class TemperatureTests {

	@ParameterizedTest
	@CsvSource({ "-12.6, −13 °C", "-0.4, 0 °C", "0.3, 0 °C", "0.5, +1 °C", "21.4, +21 °C", "-0.5, −1 °C" })
	void printsWholeDegreesWithARealMinus(String celsius, String printed) {
		var now = new WeatherWidget.Current(new BigDecimal(celsius), 0, BigDecimal.ONE, Instant.EPOCH);
		assertThat(now.temperature()).isEqualTo(printed.replace(" °C", "\u00a0°C"));
	}

}
