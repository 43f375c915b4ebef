package io.qalam.accounts;

import java.time.Duration;
import java.time.Instant;

import io.qalam.MovingClock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Growing waits after failed logins, on a clock the test moves. */
class LoginThrottleTests {

	private static final String ATTACKER = "203.0.113.10";

	private static final String OWNER = "198.51.100.20";

	private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T09:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(3, 20, 10, Duration.ofSeconds(1),
			Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)), this.clock);

	@Test
	void eachFailureAfterTheFreeOnesDoublesTheWait() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("editor", ATTACKER);
			assertThat(this.throttle.waitFor("editor", ATTACKER)).isEmpty();
		}
		this.throttle.failed("editor", ATTACKER);
		assertThat(this.throttle.waitFor("editor", ATTACKER)).contains(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		this.throttle.failed("editor", ATTACKER);
		assertThat(this.throttle.waitFor("editor", ATTACKER)).contains(Duration.ofSeconds(2));
		for (int i = 0; i < 20; i++) {
			this.clock.advance(this.throttle.waitFor("editor", ATTACKER).orElse(Duration.ZERO));
			this.throttle.failed("editor", ATTACKER);
		}
		assertThat(this.throttle.waitFor("editor", ATTACKER)).contains(Duration.ofMinutes(15));
	}

	@Test
	void fiveWrongPasswordsFromAnAttackerNeverShutTheOwnerOut() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("admin", ATTACKER);
		}
		assertThat(this.throttle.waitFor("admin", ATTACKER)).isPresent();
		assertThat(this.throttle.waitFor("admin", OWNER)).isEmpty();
	}

	@Test
	void manyAddressesGuessingOneAccountMakeItWaitAtMostAMinute() {
		for (int i = 0; i < 200; i++) {
			this.throttle.failed("admin", "203.0.113." + i);
		}
		assertThat(this.throttle.waitFor("admin", OWNER))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.throttle.waitFor("admin", OWNER)).isEmpty();
	}

	@Test
	void aSuccessClearsOnlyThatAccountsCount() {
		// A staff member trying other people's accounts, then logging in to their own
		for (int i = 0; i < 19; i++) {
			this.throttle.failed("colleague" + i, ATTACKER);
		}
		this.throttle.succeeded("insider", ATTACKER);
		this.throttle.failed("colleague-20", ATTACKER);
		assertThat(this.throttle.waitFor("anyone", ATTACKER)).isEmpty();
		this.throttle.failed("colleague-21", ATTACKER);
		assertThat(this.throttle.waitFor("anyone", ATTACKER)).contains(Duration.ofSeconds(1));

		for (int i = 0; i < 4; i++) {
			this.throttle.failed("reporter", OWNER);
		}
		this.throttle.succeeded("reporter", OWNER);
		assertThat(this.throttle.waitFor("reporter", OWNER)).isEmpty();
	}

	@Test
	void failuresAreForgottenAfterTheWindow() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("editor", ATTACKER);
		}
		this.clock.advance(Duration.ofMinutes(16));
		this.throttle.failed("editor", ATTACKER);
		assertThat(this.throttle.waitFor("editor", ATTACKER)).isEmpty();
	}

}
