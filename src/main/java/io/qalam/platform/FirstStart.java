package io.qalam.platform;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the very first start against an empty database, creates the first admin. */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

	private final SetupSteps steps;

	private final UserAccounts accounts;

	FirstStart(SetupSteps steps, UserAccounts accounts) {
		this.steps = steps;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.steps.runOnce("first-admin", this.accounts::createFirstAdmin);
	}

}
