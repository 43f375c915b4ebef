package io.qalam.widgets;

/**
 * A fetch from an outside service whose answer is not stored, with the reason in words
 * for the log and the newsroom's status page.
 */
class FetchRejected extends RuntimeException {

	FetchRejected(String reason) {
		super(reason, null, false, false);
	}

	FetchRejected(String reason, Throwable cause) {
		super(reason, cause, false, false);
	}

}
