package io.qalam.newsroom;

import java.util.UUID;

import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;

/**
 * Newsroom accounts for tests: a fresh name each time, the temporary password already
 * changed, the newsroom in English (the tests read its English text).
 */
public final class TestAccounts {

	/** The password of every account made here. */
	public static final String PASSWORD = "correct horse battery";

	private TestAccounts() {
	}

	/** Creates an account with the role and {@link #PASSWORD}; returns its username. */
	public static String create(UserAccounts accounts, Role role) {
		String username = role.name().toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, role.name() + " tester", role, "temporary-password");
		accounts.changePassword(username, "temporary-password", PASSWORD, "127.0.0.1");
		accounts.setLanguage(username, "en");
		return username;
	}

}
