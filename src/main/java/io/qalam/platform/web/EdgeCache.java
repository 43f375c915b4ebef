package io.qalam.platform.web;

import java.util.Collection;

import org.springframework.modulith.NamedInterface;

/**
 * The edge caches in front of the site (Varnish, a CDN), purged by the keys pages carry;
 * implemented by {@code site}. For a module whose change shows on pages it does not
 * render: the widgets, whose filled-in slots an edge keeps with the page.
 */
@NamedInterface("provided")
public interface EdgeCache {

	/** The key of every page of an edition, as its widget slots show on it. */
	static String widgetsKey(String edition) {
		return "widgets-" + edition;
	}

	/**
	 * The key of one kind of widget slot's fragments in an edition, as an edge that
	 * assembles pages (ESI) keeps them apart from the pages.
	 */
	static String slotKey(String kind, String edition) {
		return "slot-" + kind + "-" + edition;
	}

	/**
	 * Purges the pages with these keys at the edge once the running transaction commits
	 * (at once without one), retried until it goes through.
	 */
	void purge(Collection<String> keys);

}
