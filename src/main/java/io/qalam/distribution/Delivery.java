package io.qalam.distribution;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The outcome of one call to an outside service, as far as the caller can know it.
 */
sealed interface Delivery {

	/** The service did it; {@code messageId} for a new Telegram post. */
	record Done(long messageId) implements Delivery {
	}

	/** The service asked to wait (Telegram's 429 with {@code retry_after}). */
	record RetryAfter(long seconds) implements Delivery {
	}

	/**
	 * The service answered that it did not do it; {@code permanent} when asking again
	 * will not help (a wrong token, an unknown chat).
	 */
	record Refused(int status, String reason, boolean permanent) implements Delivery {
	}

	/** The request never reached the service (no connection): safe to send again. */
	record NotSent(String reason) implements Delivery {
	}

	/**
	 * The request went out but no answer came back (a timeout, a dropped connection): the
	 * service may or may not have done it.
	 */
	record Unknown(String reason) implements Delivery {
	}

	/** How an exception of an HTTP call ends. */
	static Delivery of(IOException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
					|| cause instanceof UnresolvedAddressException) {
				return new NotSent("no connection: " + describe(ex));
			}
			cause = cause.getCause();
		}
		return new Unknown("no answer: " + describe(ex));
	}

	/** What went wrong, in words. */
	static String reason(Delivery delivery) {
		if (delivery instanceof Refused refused) {
			return refused.reason();
		}
		if (delivery instanceof NotSent notSent) {
			return notSent.reason();
		}
		if (delivery instanceof Unknown unknown) {
			return unknown.reason();
		}
		return delivery.toString();
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

}
