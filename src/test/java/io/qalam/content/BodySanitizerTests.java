package io.qalam.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class BodySanitizerTests {

	private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
			"figure", "figcaption", "strong", "em", "b", "i", "br", "hr", "sub", "sup", "cite", "table", "caption",
			"thead", "tbody", "tr", "th", "td", "a", "img", "span", "div", "picture", "source");

	private static final Pattern SAFE_HREF = Pattern.compile("(https?:|mailto:|/|#).*|[^:]*");

	private static final Pattern MEDIA = Pattern.compile("/media/\\d+/\\d+\\.(jpg|png|webp)");

	@Test
	void aPictureKeepsTheLibrarysWebpVariants() {
		String figure = "<figure class=\"image\"><picture><source type=\"image/webp\" srcset=\"/media/7/480.webp 480w, "
				+ "/media/7/960.webp 960w\" sizes=\"min(42rem, calc(100vw - 2rem))\"><img src=\"/media/7/960.jpg\" "
				+ "srcset=\"/media/7/480.jpg 480w, /media/7/960.jpg 960w\" alt=\"A square\"></picture></figure>";
		Document clean = Jsoup.parseBodyFragment(BodySanitizer.sanitize(figure));
		var source = clean.selectFirst("figure picture source");
		assertThat(source.attr("type")).isEqualTo("image/webp");
		// the sanitizer writes a space before each comma
		assertThat(source.attr("srcset")).isEqualTo("/media/7/480.webp 480w , /media/7/960.webp 960w");
		assertThat(source.attr("sizes")).isEqualTo("min(42rem, calc(100vw - 2rem))");
		assertThat(clean.selectFirst("figure picture img").attr("src")).isEqualTo("/media/7/960.jpg");
		assertThat(BodySanitizer.check(figure).lost()).isEmpty();
	}

	@Test
	void noVectorOfTheCorpusSurvives() throws IOException {
		List<String> vectors = corpus();
		assertThat(vectors).hasSizeGreaterThanOrEqualTo(100);
		for (String vector : vectors) {
			String clean = BodySanitizer.sanitize(vector);
			Document parsed = Jsoup.parseBodyFragment(clean);
			for (Element element : parsed.body().getAllElements()) {
				if (element == parsed.body()) {
					continue;
				}
				assertThat(ALLOWED_ELEMENTS).as("element <%s> from %s", element.tagName(), vector)
					.contains(element.tagName());
				for (Attribute attribute : element.attributes()) {
					String name = attribute.getKey().toLowerCase(Locale.ROOT);
					String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
					assertThat(name).as("attribute of %s", vector)
						.doesNotStartWith("on")
						.isNotEqualTo("style")
						.isNotEqualTo("formaction")
						.isNotEqualTo("background")
						.isNotEqualTo("dynsrc");
					if (name.equals("href")) {
						assertThat(value).as("href from %s", vector).matches(SAFE_HREF);
					}
					if (name.equals("src")) {
						assertThat(value).as("src from %s", vector).matches(MEDIA);
					}
					if (name.equals("data-embed-src")) {
						assertThat(value).as("frame address from %s", vector)
							.matches(
									"(https://www\\.youtube-nocookie\\.com/|https://t\\.me/|https://platform\\.twitter\\.com/"
											+ "|https://www\\.instagram\\.com/|https://vk\\.com/)[a-z0-9_./?=&-]*");
					}
					if (name.equals("srcset")) {
						assertThat(value).as("srcset from %s", vector).doesNotContain(":");
					}
				}
			}
			assertThat(clean.toLowerCase(Locale.ROOT)).as(vector)
				.doesNotContain("<script", "<iframe", "<svg", "<style", "<object", "<embed", "<base", "<form", "<meta",
						"<link");
		}
	}

	@Test
	void keepsLegitimateFormatting() {
		String body = "<h2>Subheading</h2><p>A <strong>bold</strong> and <em>quiet</em> paragraph with "
				+ "<a href=\"https://example.org/report\">a link</a>.</p><h3>Smaller</h3>"
				+ "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
				+ "<blockquote><p>A quote.</p></blockquote>"
				+ "<figure><img src=\"/media/7/960.jpg\" alt=\"A photo\" width=\"960\" height=\"540\">"
				+ "<figcaption>A caption</figcaption></figure>"
				+ "<table><thead><tr><th>City</th><th>°C</th></tr></thead><tbody><tr><td>Almaty</td><td>-3</td></tr>"
				+ "</tbody></table>";
		String clean = BodySanitizer.sanitize(body);
		Document parsed = Jsoup.parseBodyFragment(clean);
		assertThat(parsed.select("h2").text()).isEqualTo("Subheading");
		assertThat(parsed.select("h3").text()).isEqualTo("Smaller");
		assertThat(parsed.select("ul li")).hasSize(2);
		assertThat(parsed.select("ol li")).hasSize(1);
		assertThat(parsed.select("blockquote p").text()).isEqualTo("A quote.");
		assertThat(parsed.selectFirst("a").attr("href")).isEqualTo("https://example.org/report");
		assertThat(parsed.selectFirst("a").attr("rel")).isEqualTo("noopener");
		assertThat(parsed.selectFirst("figure img").attr("src")).isEqualTo("/media/7/960.jpg");
		assertThat(parsed.selectFirst("figure img").attr("alt")).isEqualTo("A photo");
		assertThat(parsed.selectFirst("figcaption").text()).isEqualTo("A caption");
		assertThat(parsed.select("table td")).extracting(Element::text).containsExactly("Almaty", "-3");
		assertThat(parsed.select("strong, em")).hasSize(2);
	}

	@Test
	void keepsTextOfRemovedElementsOnlyAsText() {
		String clean = BodySanitizer.sanitize("<p>Before<script>alert(1)</script> after</p>");
		assertThat(clean).isEqualTo("<p>Before after</p>");
	}

	@Test
	void keepsPullQuotesFiguresWithCreditsGalleriesAndEmbeds() {
		String youtube = Embeds.of("https://youtu.be/dQw4w9WgXcQ?t=42").orElseThrow().html();
		String body = "<blockquote class=\"pullquote\"><p>Said out loud.</p></blockquote>"
				+ "<figure class=\"image\"><img src=\"/media/7/960.jpg\" alt=\"\" width=\"960\" height=\"540\""
				+ " loading=\"lazy\" decoding=\"async\">"
				+ "<figcaption>The bridge <span class=\"credit\">Photo: Qalam</span></figcaption></figure>"
				+ "<figure class=\"gallery\"><figure class=\"image\"><img src=\"/media/8/480.jpg\" alt=\"\">"
				+ "<figcaption>One</figcaption></figure><figure class=\"image\"><img src=\"/media/9/480.jpg\" alt=\"\">"
				+ "<figcaption>Two</figcaption></figure></figure>" + youtube;
		BodySanitizer.Result result = BodySanitizer.check(body);
		assertThat(result.lost()).isEmpty();
		Document parsed = Jsoup.parseBodyFragment(result.html());
		assertThat(parsed.selectFirst("blockquote.pullquote").text()).isEqualTo("Said out loud.");
		assertThat(parsed.selectFirst("figure.image .credit").text()).isEqualTo("Photo: Qalam");
		assertThat(parsed.selectFirst("figure.image img").attr("loading")).isEqualTo("lazy");
		assertThat(parsed.selectFirst("figure.image img").attr("decoding")).isEqualTo("async");
		assertThat(parsed.select("figure.gallery figure.image img")).hasSize(2);
		Element embed = parsed.selectFirst("figure.embed");
		assertThat(embed.attr("data-embed")).isEqualTo("youtube");
		assertThat(embed.attr("data-embed-src"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
		assertThat(embed.selectFirst("a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x|youtube|https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
			"https://youtube.com/shorts/dQw4w9WgXcQ|youtube|https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
			"http://youtu.be/dQw4w9WgXcQ|youtube|https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
			"https://t.me/qalam_news/1234|telegram|https://t.me/qalam_news/1234?embed=1",
			"https://x.com/qalam/status/1790000000000000000|x|https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000",
			"https://twitter.com/qalam/status/17?s=20|x|https://platform.twitter.com/embed/Tweet.html?id=17",
			"https://www.instagram.com/reel/C0abcDEF12/|instagram|https://www.instagram.com/p/C0abcDEF12/embed",
			"https://vk.com/video-12345_67890|vk|https://vk.com/video_ext.php?oid=-12345&id=67890",
			"https://vkvideo.ru/video-1_2|vk|https://vk.com/video_ext.php?oid=-1&id=2" })
	void knownLinksBecomeTheProvidersFrame(String link, String provider, String frame) {
		Embeds.Embed embed = Embeds.of(link).orElseThrow();
		assertThat(embed.provider()).isEqualTo(provider);
		assertThat(embed.frame()).isEqualTo(frame);
		String stored = BodySanitizer.sanitize(embed.html());
		assertThat(Jsoup.parseBodyFragment(stored).selectFirst("figure.embed").attr("data-embed-src")).isEqualTo(frame);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
			"https://www.youtube.com/watch?v=short", "javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ",
			"https://t.me/s/qalam_news/1", "https://t.me/joinchat/abc", "https://evil.example/https://x.com/a/status/1",
			"https://vk.com/wall-1_2", "https://www.tiktok.com/@a/video/1", "ftp://youtu.be/dQw4w9WgXcQ", "" })
	void otherLinksAreNotEmbedded(String link) {
		assertThat(Embeds.of(link)).isEmpty();
	}

	@Test
	void framesScriptsAndForeignImagesAreNamedNotDropped() {
		BodySanitizer.Result result = BodySanitizer
			.check("<p>Text</p><iframe src=\"https://www.youtube.com/embed/x\"></iframe><script>x()</script>"
					+ "<img src=\"https://evil.example/a.jpg\">");
		assertThat(result.lost()).containsExactly("iframe", "img", "script");
		assertThat(BodySanitizer.check("<p>Only <span>text</span> and <div>blocks</div></p>").lost()).isEmpty();
	}

	@Test
	void embedFiguresAreWrittenFromTheirLinkAndUnknownOnesAreNamed() {
		Embeds.Normalized normalized = Embeds
			.normalize("<p>a</p><figure class=\"embed\"><a href=\"https://youtu.be/dQw4w9WgXcQ\">"
					+ "https://youtu.be/dQw4w9WgXcQ</a></figure><figure class=\"embed\"><a href=\"https://evil.example/v\">v</a></figure>");
		assertThat(normalized.unknown()).containsExactly("https://evil.example/v");
		String longLink = "https://evil.example/" + "a".repeat(5000);
		assertThat(Embeds.normalize("<figure class=\"embed\"><a href=\"" + longLink + "\">v</a></figure>").unknown())
			.singleElement()
			.satisfies((named) -> assertThat(named).hasSize(201).endsWith("…"));
		assertThat(normalized.html())
			.contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\"");
	}

	static List<String> corpus() throws IOException {
		String text = new ClassPathResource("io/qalam/content/xss-vectors.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
	}

}
