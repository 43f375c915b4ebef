package io.qalam.platform;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On the very first start against an empty database, creates the first admin. Runs before
 * the web server opens its port (see {@link SetupSteps#PHASE}).
 */
@Component
class FirstStart implements SmartLifecycle {

	private final SetupSteps steps;

	private final UserAccounts accounts;

	private volatile boolean done;

	FirstStart(SetupSteps steps, UserAccounts accounts) {
		this.steps = steps;
		this.accounts = accounts;
	}

	@Override
	public void start() {
		this.steps.runOnce("first-admin", this.accounts::createFirstAdmin);
		this.done = true;
	}

	@Override
	public void stop() {
		this.done = false;
	}

	@Override
	public boolean isRunning() {
		return this.done;
	}

	@Override
	public int getPhase() {
		return SetupSteps.PHASE;
	}

}
