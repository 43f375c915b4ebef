package io.qalam.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.content.Embeds;

import org.springframework.web.util.HtmlUtils;

/**
 * A WordPress post's text as Qalam's editor would have written it: block comments
 * dropped, {@code [caption]} shortcodes made figures with their captions, a link alone on
 * its line to YouTube, Telegram, X, Instagram or VK made an embed (as WordPress shows
 * it), and paragraphs where WordPress only kept empty lines between them (it adds them
 * when it shows a post). Whatever else the text holds, the sanitizer decides on the way
 * in.
 */
final class WordPressBodies {

	private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);

	private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)](.*?)\\[/caption]",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");

	// the picture, alone or in its link, then the caption's text
	private static final Pattern CAPTIONED = Pattern.compile("\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern LINK_LINE = Pattern.compile("(?m)^[ \\t]*(https?://\\S+)[ \\t]*$");

	private static final Pattern BLOCK_START = Pattern.compile(
			"(?is)^\\s*<(p|h[1-6]|ul|ol|li|blockquote|figure|table|thead|tbody|tr|div|pre|hr|section|iframe|dl|address)\\b.*");

	private WordPressBodies() {
	}

	/** The text to store; still to be sanitized. */
	static String html(String content) {
		if (content == null || content.isBlank()) {
			return "";
		}
		String text = BLOCK_COMMENT.matcher(content.replace("\r\n", "\n")).replaceAll("");
		text = captions(text);
		text = LINK_LINE.matcher(text)
			.replaceAll((line) -> Matcher.quoteReplacement(embed(line.group(1)).orElse(line.group())));
		return paragraphs(text);
	}

	private static String captions(String text) {
		return CAPTION.matcher(text).replaceAll((shortcode) -> {
			Matcher inside = CAPTIONED.matcher(shortcode.group(2));
			if (!inside.matches()) {
				// no picture in it: its text stays
				return Matcher.quoteReplacement(shortcode.group(2));
			}
			String caption = inside.group(2).strip();
			Matcher attribute = CAPTION_ATTRIBUTE.matcher(shortcode.group(1));
			if (caption.isEmpty() && attribute.find()) {
				caption = attribute.group(1);
			}
			String figure = "<figure class=\"image\">" + inside.group(1).strip()
					+ (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
			return Matcher.quoteReplacement("\n\n" + figure + "\n\n");
		});
	}

	private static Optional<String> embed(String link) {
		return Embeds.of(HtmlUtils.htmlUnescape(link)).map(Embeds.Embed::html);
	}

	// WordPress's own rule, simply: text between empty lines is a paragraph, a single
	// line
	// break inside it a <br>; what already starts with a block is left as it is
	private static String paragraphs(String text) {
		StringBuilder html = new StringBuilder();
		for (String chunk : text.split("\\n\\s*\\n")) {
			String part = chunk.strip();
			if (part.isEmpty()) {
				continue;
			}
			if (BLOCK_START.matcher(part).matches()) {
				html.append(part);
			}
			else {
				html.append("<p>").append(part.replace("\n", "<br>\n")).append("</p>");
			}
			html.append('\n');
		}
		return html.toString().strip();
	}

}
