package io.qalam.platform;

/**
 * Thrown by an event's listener for work it could not do now, an outside service being
 * away: the publication stays in the registry and is handed out again
 * ({@link EventRedelivery}). The listener logs why; this is said in one line, not as an
 * error with its stack trace ({@link AsyncFailures}).
 */
public class RetriedLater extends RuntimeException {

	public RetriedLater(String message) {
		super(message, null, false, false);
	}

}
