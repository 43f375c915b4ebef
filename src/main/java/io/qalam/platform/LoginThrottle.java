package io.qalam.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address, and locks either for a while
 * once it fails too often — so that guessing passwords is slow, and one attacker cannot
 * lock out the whole newsroom by trying every name from one address only for long.
 *
 * <p>
 * Kept in memory on each node: behind a load balancer an attacker gets at most the limit
 * per node, which still makes guessing hopeless.
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
class LoginThrottle {

	// Entries are dropped once their window has passed; this bounds the maps under attack
	private static final int CLEANUP_ABOVE = 10_000;

	private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long the account or address must still wait, if either is locked now. */
	Optional<Duration> lockedFor(String username, String address) {
		Instant now = this.clock.instant();
		Instant until = later(lockedUntil(this.byAccount, key(username), now),
				lockedUntil(this.byAddress, address, now));
		return (until != null) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		record(this.byAccount, key(username), now, this.properties.maxFailuresPerAccount());
		record(this.byAddress, address, now, this.properties.maxFailuresPerAddress());
	}

	void succeeded(String username, String address) {
		this.byAccount.remove(key(username));
		this.byAddress.remove(address);
	}

	private void record(Map<String, Failures> failures, String key, Instant now, int max) {
		if (key == null) {
			return;
		}
		if (failures.size() > CLEANUP_ABOVE) {
			failures.values().removeIf((f) -> f.expired(now, this.properties.window()));
		}
		failures.compute(key, (k, previous) -> {
			Failures current = (previous == null || previous.expired(now, this.properties.window()))
					? new Failures(now, 0, null) : previous;
			int count = current.count() + 1;
			Instant lockedUntil = (count >= max) ? now.plus(this.properties.lockout()) : current.lockedUntil();
			return new Failures(current.firstAt(), count, lockedUntil);
		});
	}

	private static Instant lockedUntil(Map<String, Failures> failures, String key, Instant now) {
		if (key == null) {
			return null;
		}
		Failures entry = failures.get(key);
		return (entry != null && entry.lockedUntil() != null && entry.lockedUntil().isAfter(now)) ? entry.lockedUntil()
				: null;
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private static String key(String username) {
		return (username == null || username.isBlank()) ? null : username.strip().toLowerCase(Locale.ROOT);
	}

	private record Failures(Instant firstAt, int count, Instant lockedUntil) {

		boolean expired(Instant now, Duration window) {
			boolean windowOver = this.firstAt.plus(window).isBefore(now);
			boolean unlocked = this.lockedUntil == null || !this.lockedUntil.isAfter(now);
			return windowOver && unlocked;
		}

	}

}
