package io.qalam.content;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list that article bodies pass through when they are saved: paragraphs,
 * headings h2–h4, lists, quotes and pull quotes, links (opened with
 * {@code rel="noopener"}), figures of images from our media library with caption and
 * credit, galleries of them, tables, and embeds of the providers {@link Embeds} knows, as
 * figures carrying the provider's frame address (never a frame itself). Scripts, styles,
 * event handlers, {@code javascript:} addresses and frames never survive.
 */
final class BodySanitizer {

	private static final Pattern MEDIA_URL = Pattern.compile("/media/\\d{1,18}/\\d{1,5}\\.(jpg|png|webp)");

	// The sanitizer writes srcset back as "a 480w , b 960w": spaces around commas are
	// allowed
	private static final Pattern MEDIA_SRCSET = Pattern.compile("/media/\\d{1,18}/\\d{1,5}\\.(jpg|png|webp) \\d{1,5}w"
			+ "(\\s*,\\s*/media/\\d{1,18}/\\d{1,5}\\.(jpg|png|webp) \\d{1,5}w)*");

	private static final Pattern WEBP_SRCSET = Pattern
		.compile("/media/\\d{1,18}/\\d{1,5}\\.webp \\d{1,5}w(\\s*,\\s*/media/\\d{1,18}/\\d{1,5}\\.webp \\d{1,5}w)*");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");

	// Elements whose loss takes something the author put in with them: refused, not
	// dropped
	private static final Set<String> LOSES_CONTENT = Set.of("iframe", "script", "object", "embed", "video", "audio",
			"img", "svg", "math", "form", "input", "textarea", "select", "button", "frame", "frameset", "applet",
			"canvas", "picture", "source");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption", "strong", "em",
				"b", "i", "br", "hr", "sub", "sup", "cite", "table", "caption", "thead", "tbody", "tr", "th", "td",
				"span", "div")
		.allowElements("a")
		.allowStandardUrlProtocols()
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("noopener")
		// an image whose picture is not ours goes whole: no empty <img alt=""> stays
		// behind
		.allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
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
		// an image's WebP variants, offered to browsers before its JPEGs
		.allowElements("picture", "source")
		.allowAttributes("type")
		.matching(Pattern.compile("image/webp"))
		.onElements("source")
		.allowAttributes("srcset")
		.matching(WEBP_SRCSET)
		.onElements("source")
		.allowAttributes("sizes")
		.onElements("source")
		// images in the text load as the reader scrolls to them; the lead image loads
		// first
		.allowAttributes("loading")
		.matching(Pattern.compile("lazy"))
		.onElements("img")
		.allowAttributes("decoding")
		.matching(Pattern.compile("async"))
		.onElements("img")
		.allowAttributes("colspan", "rowspan")
		.matching(NUMBER)
		.onElements("td", "th")
		// the few classes the site styles: a pull quote, an image's credit, figures
		.allowAttributes("class")
		.matching(Pattern.compile("pullquote"))
		.onElements("blockquote")
		.allowAttributes("class")
		.matching(Pattern.compile("credit"))
		.onElements("span")
		.allowAttributes("class")
		.matching(Pattern.compile("image|gallery|embed"))
		.onElements("figure")
		.allowAttributes("data-embed")
		.matching(Embeds.PROVIDER_NAME)
		.onElements("figure")
		.allowAttributes("data-embed-src")
		.matching(Embeds.FRAME_SRC)
		.onElements("figure")
		.toFactory();

	private BodySanitizer() {
	}

	static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	/**
	 * The sanitized body, and what the sanitizer had to take out that carried content of
	 * its own (a frame, a script, an image from elsewhere…): the newsroom refuses such a
	 * body with that list rather than losing it silently.
	 */
	static Result check(String html) {
		Set<String> lost = new TreeSet<>();
		String clean = POLICY.sanitize(html, new HtmlChangeListener<Set<String>>() {

			@Override
			public void discardedTag(Set<String> context, String elementName) {
				if (LOSES_CONTENT.contains(elementName)) {
					context.add(elementName);
				}
			}

			@Override
			public void discardedAttributes(Set<String> context, String tagName, String... attributeNames) {
				// an image whose address is not our media library shows nothing
				if (tagName.equals("img") && List.of(attributeNames).contains("src")) {
					context.add("img");
				}
			}

		}, lost);
		return new Result(clean, List.copyOf(lost));
	}

	/**
	 * @param lost the elements taken out that carried content, alphabetically
	 */
	record Result(String html, List<String> lost) {
	}

}
