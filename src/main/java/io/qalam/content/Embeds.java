package io.qalam.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Videos and posts of other platforms, pasted into an article as a link. The one place
 * that knows which providers we embed, how their links look and which frame address shows
 * them. An embed is stored as a figure that readers see as a placeholder; only when a
 * reader clicks does the site's script create the provider's frame, from the frame
 * address stored here (never from anything the author wrote).
 */
public final class Embeds {

	/**
	 * The frame origins readers' browsers may load, and nothing else of the providers':
	 * the public Content-Security-Policy's {@code frame-src} is exactly this list (a test
	 * holds them equal).
	 */
	public static final List<String> FRAME_ORIGINS = List.of("https://www.youtube-nocookie.com", "https://t.me",
			"https://platform.twitter.com", "https://www.instagram.com", "https://vk.com");

	private static final List<Provider> PROVIDERS = List.of(
			new Provider("youtube", "YouTube",
					Pattern.compile("https://(?:www\\.|m\\.)?youtube\\.com/(?:watch\\?(?:[^#]*&)?v=|shorts/|embed/)"
							+ "([A-Za-z0-9_-]{11})(?:[&?#].*)?"),
					"https://www.youtube.com/watch?v=%s", "https://www.youtube-nocookie.com/embed/%s?autoplay=1"),
			new Provider("youtube", "YouTube", Pattern.compile("https://youtu\\.be/([A-Za-z0-9_-]{11})(?:[?#].*)?"),
					"https://www.youtube.com/watch?v=%s", "https://www.youtube-nocookie.com/embed/%s?autoplay=1"),
			new Provider("telegram", "Telegram",
					Pattern.compile("https://t\\.me/((?!s/)[A-Za-z][A-Za-z0-9_]{3,31}/\\d{1,10})(?:\\?.*)?"),
					"https://t.me/%s", "https://t.me/%s?embed=1"),
			new Provider("x", "X",
					Pattern.compile(
							"https://(?:www\\.|mobile\\.)?(?:x|twitter)\\.com/[A-Za-z0-9_]{1,15}/status/(\\d{1,20})"
									+ "(?:[/?#].*)?"),
					"https://x.com/i/status/%s", "https://platform.twitter.com/embed/Tweet.html?id=%s"),
			new Provider("instagram", "Instagram",
					Pattern.compile("https://(?:www\\.)?instagram\\.com/(?:p|reel)/([A-Za-z0-9_-]{5,40})/?(?:[?#].*)?"),
					"https://www.instagram.com/p/%s/", "https://www.instagram.com/p/%s/embed"),
			new Provider("vk", "VK Video",
					Pattern.compile(
							"https://(?:m\\.)?(?:vk\\.com|vkvideo\\.ru)/(?:video\\?z=)?video(-?\\d{1,12}_\\d{1,12})"
									+ "(?:[/?&#].*)?"),
					"https://vk.com/video%s", "https://vk.com/video_ext.php?%s"));

	private static final Pattern VK_ID = Pattern.compile("(-?\\d{1,12})_(\\d{1,12})");

	/** The frame addresses the sanitizer lets through: each provider's, exactly. */
	static final Pattern FRAME_SRC = Pattern
		.compile("https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}\\?autoplay=1"
				+ "|https://t\\.me/[A-Za-z][A-Za-z0-9_]{3,31}/\\d{1,10}\\?embed=1"
				+ "|https://platform\\.twitter\\.com/embed/Tweet\\.html\\?id=\\d{1,20}"
				+ "|https://www\\.instagram\\.com/p/[A-Za-z0-9_-]{5,40}/embed"
				+ "|https://vk\\.com/video_ext\\.php\\?oid=-?\\d{1,12}&(?:amp;)?id=\\d{1,12}");

	static final Pattern PROVIDER_NAME = Pattern.compile("youtube|telegram|x|instagram|vk");

	private Embeds() {
	}

	/**
	 * The embed a pasted link names, or empty when no provider we embed has such a link.
	 */
	public static Optional<Embed> of(String link) {
		if (link == null || link.length() > 500) {
			return Optional.empty();
		}
		// a link copied as http:// names the same post
		String url = link.strip().replaceFirst("^(?i)https?://", "https://");
		for (Provider provider : PROVIDERS) {
			Matcher matcher = provider.link().matcher(url);
			if (matcher.matches()) {
				String id = matcher.group(1);
				String frameId = id;
				if (provider.name().equals("vk")) {
					Matcher vk = VK_ID.matcher(id);
					vk.matches();
					frameId = "oid=" + vk.group(1) + "&id=" + vk.group(2);
				}
				return Optional.of(new Embed(provider.name(), provider.label(), provider.canonical().formatted(id),
						provider.frame().formatted(frameId)));
			}
		}
		return Optional.empty();
	}

	/**
	 * The body with every embed figure written the one way it is stored: from the link it
	 * carries (as the editor inserts it, or as stored before), the provider's frame.
	 * Links no provider of ours has are listed, so that the save can refuse them by name.
	 */
	static Normalized normalize(String html) {
		if (!html.contains("embed")) {
			return new Normalized(html, List.of());
		}
		Document body = Jsoup.parseBodyFragment(html);
		body.outputSettings().prettyPrint(false);
		List<String> unknown = new ArrayList<>();
		for (Element figure : body.select("figure.embed")) {
			Element link = figure.selectFirst("a[href]");
			String href = (link != null) ? link.attr("href") : figure.attr("data-embed-url");
			Optional<Embed> embed = of(href);
			if (embed.isPresent()) {
				figure.after(embed.get().html());
				figure.remove();
			}
			else {
				unknown.add(shown(href.isBlank() ? figure.text() : href));
			}
		}
		return new Normalized(body.body().html(), unknown);
	}

	/** A link as a message names it: stripped, and cut after 200 characters. */
	public static String shown(String link) {
		String stripped = (link != null) ? link.strip() : "";
		return (stripped.length() > 200) ? stripped.substring(0, 200) + "…" : stripped;
	}

	/**
	 * @param unknown the links of embeds that no provider of ours shows
	 */
	record Normalized(String html, List<String> unknown) {
	}

	/**
	 * One embed.
	 *
	 * @param provider youtube, telegram, x, instagram or vk
	 * @param label the provider's name as readers see it
	 * @param link the post's or video's own address (what readers without the frame open)
	 * @param frame the address of the provider's frame
	 */
	public record Embed(String provider, String label, String link, String frame) {

		/** The figure stored in the article's text. */
		public String html() {
			return "<figure class=\"embed\" data-embed=\"" + this.provider + "\" data-embed-src=\""
					+ this.frame.replace("&", "&amp;") + "\"><a href=\"" + this.link.replace("&", "&amp;") + "\">"
					+ this.label + "</a></figure>";
		}

	}

	private record Provider(String name, String label, Pattern link, String canonical, String frame) {
	}

}
