package io.qalam.accounts;

import io.qalam.platform.SetupSteps;
import io.qalam.platform.StartupWork;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** On the very first start against an empty database, creates the first admin. */
@Component
// not while a restore brings the first start's rows from an export
@ConditionalOnBooleanProperty(name = "qalam.first-start", havingValue = true, matchIfMissing = true)
class FirstStart extends StartupWork {

	private final SetupSteps steps;

	private final UserAccounts accounts;

	FirstStart(SetupSteps steps, UserAccounts accounts) {
		super(0);
		this.steps = steps;
		this.accounts = accounts;
	}

	@Override
	public void run() {
		this.steps.runOnce("first-admin", this.accounts::createFirstAdmin);
	}

}
