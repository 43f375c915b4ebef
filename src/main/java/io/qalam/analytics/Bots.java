package io.qalam.analytics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Robots by their user agent: crawlers, link previews, monitors, headless browsers and
 * command-line clients. Their requests are not views. A browser that hides what it is
 * cannot be told apart, and no more is tried: there is nothing else to go by.
 */
public final class Bots {

	private static final Pattern ROBOT = Pattern
		.compile("bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|headless|lighthouse|pingdom|uptime|monitor"
				+ "|curl|wget|python|java/|okhttp|go-http|httpclient|http-client|axios|node-fetch|libwww|scrapy|phantom");

	private Bots() {
	}

	/**
	 * Whether a request with this user agent is not a person reading; none is a robot.
	 */
	public static boolean isRobot(String userAgent) {
		if (userAgent == null || userAgent.isBlank() || userAgent.length() > 1_000) {
			return true;
		}
		return ROBOT.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
	}

}
