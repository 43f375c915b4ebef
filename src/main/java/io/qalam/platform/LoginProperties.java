package io.qalam.platform;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on failed newsroom logins ({@code qalam.security.login.*}).
 *
 * @param maxFailuresPerAccount failures within {@code window} after which an account is
 * locked
 * @param maxFailuresPerAddress failures within {@code window} after which a client
 * address is locked, whatever account it tries
 * @param window how far back failures count
 * @param lockout how long a lock lasts
 */
@Validated
@ConfigurationProperties("qalam.security.login")
record LoginProperties(@Min(1) int maxFailuresPerAccount, @Min(1) int maxFailuresPerAddress, @NotNull Duration window,
		@NotNull Duration lockout) {

	LoginProperties {
		if (maxFailuresPerAccount == 0) {
			maxFailuresPerAccount = 5;
		}
		if (maxFailuresPerAddress == 0) {
			maxFailuresPerAddress = 20;
		}
		if (window == null) {
			window = Duration.ofMinutes(15);
		}
		if (lockout == null) {
			lockout = Duration.ofMinutes(15);
		}
	}

}
