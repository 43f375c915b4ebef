package io.qalam.distribution;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Distribution settings ({@code qalam.distribution.*}).
 *
 * @param interval how often each node looks for due deliveries (new ones are also sent
 * right away)
 * @param backoff the waits between attempts after a failure; its length is the number of
 * retries before a delivery is shown as failed
 * @param connectTimeout connect timeout of every outside call
 * @param readTimeout how long an answer is waited for
 * @param uncertainAfter a Telegram post still being sent after this long (its node
 * stopped during the call) is recorded as uncertain; longer than the read timeout
 */
@Validated
@ConfigurationProperties("qalam.distribution")
record DistributionProperties(@NotNull Duration interval, @NotEmpty List<Duration> backoff,
		@NotNull Duration connectTimeout, @NotNull Duration readTimeout, @NotNull Duration uncertainAfter,
		@NotNull @Valid Telegram telegram) {

	/**
	 * @param apiUrl the Bot API's base address
	 * @param tokens bot tokens from the environment, by edition code; they win over
	 * tokens entered in the newsroom
	 */
	record Telegram(@NotNull URI apiUrl, Map<String, String> tokens) {

		Telegram {
			tokens = (tokens != null) ? Map.copyOf(tokens) : Map.of();
		}

		String token(String edition) {
			String token = this.tokens.get(edition);
			return (token != null && !token.isBlank()) ? token.strip() : null;
		}

	}

	DistributionProperties {
		if (uncertainAfter != null && readTimeout != null && uncertainAfter.compareTo(readTimeout) <= 0) {
			throw new IllegalArgumentException("qalam.distribution.uncertain-after must be longer than read-timeout");
		}
	}

	/** The wait before attempt {@code attempt + 1}, or null after the last one. */
	Duration waitAfter(int attempt) {
		return (attempt >= 1 && attempt <= this.backoff.size()) ? this.backoff.get(attempt - 1) : null;
	}

}
