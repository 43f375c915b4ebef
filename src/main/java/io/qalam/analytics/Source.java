package io.qalam.analytics;

import java.util.List;
import java.util.Locale;

/**
 * Where a reader came from, in broad classes only: the beacon sends the referring host
 * (never the address or anything about the reader), and it is classed here and thrown
 * away.
 */
public enum Source {

	SEARCH, SOCIAL, TELEGRAM, DIRECT, INTERNAL, OTHER,
	/** The page was counted without its script (the {@code <noscript>} image). */
	UNKNOWN;

	private static final List<String> SEARCH_HOSTS = List.of("google.", "yandex.", "bing.com", "duckduckgo.com",
			"search.yahoo.", "go.mail.ru", "ecosia.org", "baidu.com", "search.brave.com", "yahoo.com");

	private static final List<String> SOCIAL_HOSTS = List.of("facebook.com", "fb.com", "instagram.com", "vk.com",
			"vk.ru", "ok.ru", "x.com", "twitter.com", "t.co", "threads.net", "tiktok.com", "linkedin.com", "lnkd.in",
			"whatsapp.com", "youtube.com", "reddit.com", "pinterest.com", "l.instagram.com");

	private static final List<String> TELEGRAM_HOSTS = List.of("t.me", "telegram.org", "telegram.me");

	/**
	 * The class of a referring host.
	 * @param referrer the host the beacon reported: empty for none (typed, bookmarked, an
	 * app), null when the beacon could not say (no script)
	 * @param ownHost this site's host, for readers moving between its pages
	 */
	public static Source of(String referrer, String ownHost) {
		if (referrer == null) {
			return UNKNOWN;
		}
		String host = referrer.strip().toLowerCase(Locale.ROOT);
		if (host.isEmpty()) {
			return DIRECT;
		}
		if (host.startsWith("www.")) {
			host = host.substring(4);
		}
		if (ownHost != null
				&& (host.equals(ownHost) || host.equals("www." + ownHost) || ownHost.equals("www." + host))) {
			return INTERNAL;
		}
		if (matches(host, TELEGRAM_HOSTS)) {
			return TELEGRAM;
		}
		if (matches(host, SOCIAL_HOSTS)) {
			return SOCIAL;
		}
		for (String search : SEARCH_HOSTS) {
			// "google." stands for every country's Google
			if (search.endsWith(".") ? (host.startsWith(search) || host.contains("." + search))
					: (host.equals(search) || host.endsWith("." + search))) {
				return SEARCH;
			}
		}
		return OTHER;
	}

	private static boolean matches(String host, List<String> known) {
		for (String name : known) {
			if (host.equals(name) || host.endsWith("." + name)) {
				return true;
			}
		}
		return false;
	}

	/** The lower-case name stored and shown in addresses. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
