package io.qalam.site;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

/**
 * One link of the share bar.
 *
 * @param network the network's key, e.g. {@code telegram}; also its CSS class
 * @param label the network's name as shown
 * @param escapedHref {@code href} escaped for an HTML attribute by the templates' own
 * escaper, once: an article page writes each link twice (top and bottom), and escaping
 * these long, percent-encoded addresses on every write was 3% of an uncached page
 */
public record ShareLink(String network, String label, String href, String escapedHref) {

	ShareLink(String network, String label, String href) {
		this(network, label, href, escaped(href));
	}

	private static String escaped(String href) {
		StringOutput output = new StringOutput(href.length() + 16);
		Escape.htmlAttribute(href, output);
		return output.toString();
	}

}
