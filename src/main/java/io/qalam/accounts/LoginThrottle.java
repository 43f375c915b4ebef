package io.qalam.accounts;

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
 * Slows password guessing the way OWASP's authentication cheat sheet advises: after a few
 * free failures, each further failure makes the next attempt wait twice as long, counted
 * three ways —
 * <ul>
 * <li>per account and address: one attacker guessing one account waits up to the longest
 * wait;</li>
 * <li>per address: one attacker trying many accounts waits as long;</li>
 * <li>per account, from anywhere: many addresses guessing one account wait too, but never
 * longer than {@code account-max-wait} (a minute), so that nobody can shut the rightful
 * user out by failing on purpose.</li>
 * </ul>
 * An attempt that must wait is refused at once with the time to retry; no request thread
 * is held. A success clears that account's counts, never the address's. The password
 * page's check of the current password counts the same way.
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

	private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long an attempt for this account from this address must still wait, if at all.
	 */
	Optional<Duration> waitFor(String username, String address) {
		Instant now = this.clock.instant();
		String account = key(username);
		Instant until = latest(readyAt(this.byAccountAndAddress, pair(account, address), now),
				readyAt(this.byAddress, address, now), readyAt(this.byAccount, account, now));
		return (until != null) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	/** Counts a wrong password (or an unknown account) tried from this address. */
	void failed(String username, String address) {
		Instant now = this.clock.instant();
		String account = key(username);
		LoginProperties p = this.properties;
		record(this.byAccountAndAddress, pair(account, address), now, p.freeFailures(), p.maxWait());
		record(this.byAddress, address, now, p.freeFailuresPerAddress(), p.maxWait());
		record(this.byAccount, account, now, p.freeFailuresPerAccount(), p.accountMaxWait());
	}

	/** The account's owner got in: its counts start again; the address's stay. */
	void succeeded(String username, String address) {
		String account = key(username);
		if (account != null) {
			this.byAccount.remove(account);
			this.byAccountAndAddress.remove(pair(account, address));
		}
	}

	private void record(Map<String, Failures> failures, String key, Instant now, int free, Duration maxWait) {
		if (key == null) {
			return;
		}
		if (failures.size() > CLEANUP_ABOVE) {
			failures.values().removeIf((f) -> f.expired(now, this.properties.window()));
		}
		failures.compute(key, (k, previous) -> {
			int count = (previous == null || previous.expired(now, this.properties.window())) ? 1
					: previous.count() + 1;
			Instant readyAt = (count > free) ? now.plus(wait(count - free, maxWait)) : null;
			return new Failures(now, count, readyAt);
		});
	}

	// 1 s after the first counted failure, doubling, at most maxWait
	private Duration wait(int counted, Duration maxWait) {
		Duration first = this.properties.firstWait();
		int doublings = Math.min(counted - 1, 30);
		Duration wait = first.multipliedBy(1L << doublings);
		return (wait.compareTo(maxWait) > 0) ? maxWait : wait;
	}

	private static Instant readyAt(Map<String, Failures> failures, String key, Instant now) {
		if (key == null) {
			return null;
		}
		Failures entry = failures.get(key);
		return (entry != null && entry.readyAt() != null && entry.readyAt().isAfter(now)) ? entry.readyAt() : null;
	}

	private static Instant latest(Instant... instants) {
		Instant latest = null;
		for (Instant instant : instants) {
			if (instant != null && (latest == null || instant.isAfter(latest))) {
				latest = instant;
			}
		}
		return latest;
	}

	private static String key(String username) {
		return (username == null || username.isBlank()) ? null : username.strip().toLowerCase(Locale.ROOT);
	}

	private static String pair(String account, String address) {
		return (account == null || address == null) ? null : account + "\n" + address;
	}

	/** Failures counted since the window last passed without one. */
	private record Failures(Instant lastAt, int count, Instant readyAt) {

		boolean expired(Instant now, Duration window) {
			return this.lastAt.plus(window).isBefore(now) && (this.readyAt == null || !this.readyAt.isAfter(now));
		}

	}

}
