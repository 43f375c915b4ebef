package io.qalam.content;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list that article bodies pass through when they are saved: paragraphs,
 * headings h2–h4, lists, quotes, links (opened with {@code rel="noopener"}), images from
 * our media library with captions, and tables. Scripts, styles, event handlers,
 * {@code javascript:} addresses and foreign frames never survive.
 */
final class BodySanitizer {

	private static final Pattern MEDIA_URL = Pattern.compile("/media/\\d{1,18}/\\d{1,5}\\.(jpg|png|webp)");

	// The sanitizer writes srcset back as "a 480w , b 960w": spaces around commas are
	// allowed
	private static final Pattern MEDIA_SRCSET = Pattern.compile("/media/\\d{1,18}/\\d{1,5}\\.(jpg|png|webp) \\d{1,5}w"
			+ "(\\s*,\\s*/media/\\d{1,18}/\\d{1,5}\\.(jpg|png|webp) \\d{1,5}w)*");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption", "strong", "em",
				"b", "i", "br", "hr", "sub", "sup", "cite", "table", "caption", "thead", "tbody", "tr", "th", "td")
		.allowElements("a")
		.allowStandardUrlProtocols()
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("noopener")
		.allowElements("img")
		.allowAttributes("src")
		.matching(MEDIA_URL)
		.onElements("img")
		.allowAttributes("srcset")
		.matching(MEDIA_SRCSET)
		.onElements("img")
		.allowAttributes("width", "height")
		.matching(NUMBER)
		.onElements("img")
		.allowAttributes("alt", "sizes")
		.onElements("img")
		.allowAttributes("colspan", "rowspan")
		.matching(NUMBER)
		.onElements("td", "th")
		.toFactory();

	private BodySanitizer() {
	}

	static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

}
