package io.qalam.accounts;

/** What a newsroom account may do. */
public enum Role {

	/** Users, settings and everything an editor does. */
	ADMIN,
	/** Edits anything, publishes, schedules and unpublishes. */
	EDITOR,
	/** Writes and edits own drafts and submits them for review. */
	REPORTER

}
