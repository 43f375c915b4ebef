package io.qalam.widgets;

/**
 * A fetch from an outside service whose answer is not stored, with the reason in words
 * for the log and the newsroom's status page.
 */
class FetchRejected extends RuntimeException {

	FetchRejected(String reason) {
		super(reason, null, false, false);
	}

	/** Upstream text quoted in a reason, cut short: it is not ours to log at length. */
	static String quote(String upstreamText) {
		if (upstreamText == null) {
			return "";
		}
		return (upstreamText.length() > 60) ? upstreamText.substring(0, 60) + "…" : upstreamText;
	}

	FetchRejected(String reason, Throwable cause) {
		super(reason, cause, false, false);
	}

}
