package io.qalam.widgets;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.qalam.platform.OutsideCall;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Widget settings ({@code qalam.widgets.*}).
 *
 * @param fragmentTtl how long a node serves the widget fragments it read before reading
 * them again (a refresh on the node itself replaces them at once)
 */
@Validated
@ConfigurationProperties("qalam.widgets")
record WidgetsProperties(@NotNull @Valid Rates rates, @NotNull @Valid Weather weather, @NotNull @Valid Http http,
		@NotNull Duration fragmentTtl) {

	/**
	 * @param url the National Bank's base address; the feed paths are appended to it
	 * @param currencies the currencies the sidebar shows, in order
	 * @param interval how often the rates are fetched
	 * @param staleAfter how old the last successful fetch may be before the health check
	 * says the rates are stale (the bank publishes on working days only)
	 */
	record Rates(@NotNull URI url,
			@NotEmpty List<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code") String> currencies,
			Duration interval, Duration staleAfter) {

	}

	/**
	 * @param url Open-Meteo's base address (or a self-hosted one); the API path is
	 * appended to it
	 * @param defaultCity the city shown to readers who chose none
	 * @param defaultCityByEdition overrides of the default city per edition code
	 * @param interval how often the weather is fetched
	 * @param staleAfter how old the last successful fetch may be before the health check
	 * says the weather is stale
	 */
	record Weather(@NotNull URI url, @NotNull @Pattern(regexp = "[a-z-]+") String defaultCity,
			Map<String, String> defaultCityByEdition, @NotNull Duration interval, @NotNull Duration staleAfter) {

		Weather {
			if (defaultCityByEdition == null) {
				defaultCityByEdition = Map.of();
			}
		}

	}

	/**
	 * How outside services are called.
	 *
	 * @param connectTimeout to open the connection
	 * @param readTimeout for the whole answer
	 * @param retries further attempts after a failed one (timeouts, connection errors,
	 * 5xx answers)
	 * @param backoff the wait before the first retry, doubled for each next one
	 * @param maxAnswerSize the largest answer read; a larger one is refused unread
	 */
	record Http(@NotNull Duration connectTimeout, @NotNull Duration readTimeout,
			@NotNull @Min(0) @Max(10) Integer retries, @NotNull Duration backoff, @NotNull DataSize maxAnswerSize) {

	}

}
