package io.qalam.widgets;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Widget settings ({@code qalam.widgets.*}). */
@Validated
@ConfigurationProperties("qalam.widgets")
record WidgetsProperties(@NotNull @Valid Rates rates, @NotNull @Valid Weather weather) {

	/**
	 * @param currencies the currencies the sidebar shows, in order
	 */
	record Rates(
			@NotEmpty List<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code") String> currencies) {
	}

	/**
	 * @param defaultCity the city shown to readers who chose none
	 * @param defaultCityByEdition overrides of the default city per edition code
	 */
	record Weather(@Pattern(regexp = "[a-z-]+") String defaultCity, Map<String, String> defaultCityByEdition) {

		Weather {
			if (defaultCity == null) {
				defaultCity = "almaty";
			}
			if (defaultCityByEdition == null) {
				defaultCityByEdition = Map.of();
			}
		}

	}

}
