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

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class BodySanitizerTests {

	private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
			"figure", "figcaption", "strong", "em", "b", "i", "br", "hr", "sub", "sup", "cite", "table", "caption",
			"thead", "tbody", "tr", "th", "td", "a", "img");

	private static final Pattern SAFE_HREF = Pattern.compile("(https?:|mailto:|/|#).*|[^:]*");

	private static final Pattern MEDIA = Pattern.compile("/media/\\d+/\\d+\\.(jpg|png|webp)");

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

	static List<String> corpus() throws IOException {
		String text = new ClassPathResource("io/qalam/content/xss-vectors.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
	}

}
