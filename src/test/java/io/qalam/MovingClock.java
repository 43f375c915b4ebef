package io.qalam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand (safe to read from the server's threads). */
public final class MovingClock extends Clock {

	private volatile Instant now;

	public MovingClock(Instant now) {
		this.now = now;
	}

	public void advance(Duration by) {
		this.now = this.now.plus(by);
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
