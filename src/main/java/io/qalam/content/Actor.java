package io.qalam.content;

import io.qalam.platform.Role;

/** Who asks the workflow to do something, with the role that decides whether they may. */
public record Actor(String username, Role role) {

	boolean canPublish() {
		return this.role == Role.EDITOR || this.role == Role.ADMIN;
	}

}
