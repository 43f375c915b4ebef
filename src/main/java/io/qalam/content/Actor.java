package io.qalam.content;

import io.qalam.accounts.Role;

/**
 * Who asks the workflow to do something, with the role that decides whether they may.
 *
 * @param address the client address the request came from, for the audit log; null when
 * no request was involved
 */
public record Actor(String username, Role role, String address) {

	/** An actor without a client address (tests, jobs). */
	public Actor(String username, Role role) {
		this(username, role, null);
	}

	boolean canPublish() {
		return this.role == Role.EDITOR || this.role == Role.ADMIN;
	}

}
