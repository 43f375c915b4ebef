package io.qalam.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.ArticleBuilder.Created;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/** Every element of the article page, as a reader's browser receives it. */
@QalamTest
class ArticlePageTests {

	private static final String BASE = "https://qalam.example";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private WebClient web;

	private Created english;

	private Created russian;

	private Document page;

	@BeforeEach
	void openArticle() {
		this.web = new WebClient(this.port);
		this.russian = article(this.context).in("ru").section("world").headline("Мост через Иртыш открыт").create();
		this.english = article(this.context).in("en")
			.section("world")
			.headline("Bridge over the Irtysh opens & traffic flows")
			.lead("The new bridge shortens the way to the left bank.")
			.body("<p>First paragraph.</p><blockquote>\"It took three years,\" said the engineer.</blockquote>"
					+ "<figure><img src=\"/media/1/480.jpg\" alt=\"The bridge at night\"><figcaption>The bridge at night"
					+ "</figcaption></figure><p>Last paragraph.</p>")
			.tags("bridges", "transport")
			.withImage()
			.translationOf(this.russian)
			.create();
		this.page = this.web.page(this.english.path());
	}

	@Test
	void showsHeadlineTimesAndSection() {
		assertThat(this.page.select("h1")).hasSize(1);
		assertThat(this.page.selectFirst("h1").text()).isEqualTo("Bridge over the Irtysh opens & traffic flows");
		Element published = this.page.selectFirst(".article-times time");
		assertThat(published.attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+05:00");
		assertThat(published.text()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");
		assertThat(this.page.selectFirst(".article-section a").attr("href")).isEqualTo("/en/section/world");
		assertThat(this.page.selectFirst(".article-section a").text()).isEqualTo("World");
	}

	@Test
	void switchesLanguageOnlyToExistingTranslations() {
		var languages = this.page.select("nav.languages a");
		assertThat(languages).extracting(Element::text).containsExactly("Русский", "English");
		assertThat(languages.get(0).attr("href")).isEqualTo(this.russian.path());
		assertThat(languages.get(1).attr("aria-current")).isEqualTo("true");
		assertThat(this.page.select("link[rel=alternate][hreflang]"))
			.extracting((link) -> link.attr("hreflang") + " " + link.attr("href"))
			.containsExactly("ru " + BASE + this.russian.path(), "en " + BASE + this.english.path());
	}

	@Test
	void hasAShareBarAtTopAndBottomWithEncodedLinks() {
		var bars = this.page.select("nav.share-bar");
		assertThat(bars).hasSize(2);
		String url = URLEncoder.encode(BASE + this.english.path(), StandardCharsets.UTF_8);
		String title = URLEncoder.encode("Bridge over the Irtysh opens & traffic flows", StandardCharsets.UTF_8)
			.replace("+", "%20");
		// named apart: a screen reader lists both
		assertThat(bars.eachAttr("aria-label")).containsExactly("Share", "Share after reading");
		for (Element bar : bars) {
			assertThat(bar.select("a")).extracting(Element::text)
				.containsExactly("Telegram", "WhatsApp", "Facebook", "X", "VK", "Copy link");
			assertThat(bar.selectFirst("a.share-telegram").attr("href"))
				.isEqualTo("https://t.me/share/url?url=" + url + "&text=" + title);
			assertThat(bar.selectFirst("a.share-facebook").attr("href"))
				.isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + url);
			assertThat(bar.selectFirst("a.share-x").attr("href")).startsWith("https://x.com/intent/post?url=" + url);
			assertThat(bar.selectFirst("a.share-vk").attr("href")).startsWith("https://vk.com/share.php?url=" + url);
			assertThat(bar.selectFirst("a.share-whatsapp").attr("href")).startsWith("https://wa.me/?text=")
				.contains(url);
			assertThat(bar.selectFirst("a.share-copy").attr("href")).isEqualTo(BASE + this.english.path());
		}
		assertThat(this.page.select("script[src]")).allSatisfy((s) -> assertThat(s.attr("src")).startsWith("/site/"));
	}

	@Test
	void showsLeadPhotoDatelineBodyAndSource() {
		Element photo = this.page.selectFirst("figure.lead-photo");
		assertThat(photo.selectFirst("img").attr("alt")).isEqualTo("Test caption");
		assertThat(photo.selectFirst("img").attr("srcset")).contains("480w", "960w");
		// the page's largest image loads first, not lazily
		assertThat(photo.selectFirst("img").attr("fetchpriority")).isEqualTo("high");
		assertThat(photo.selectFirst("img").hasAttr("loading")).isFalse();
		assertThat(photo.selectFirst("figcaption").text()).contains("Test caption").contains("Test credit");
		assertThat(this.page.selectFirst(".article-lead").text())
			.isEqualTo("Qalam.kz – The new bridge shortens the way to the left bank.");
		Element body = this.page.selectFirst(".article-body");
		assertThat(body.select("p")).hasSize(2);
		assertThat(body.selectFirst("blockquote").text()).contains("It took three years");
		assertThat(body.selectFirst("figure figcaption").text()).isEqualTo("The bridge at night");
		assertThat(this.page.selectFirst(".source-line").text()).isEqualTo("Source: test");
		assertThat(this.page.select(".tags a")).extracting(Element::text).containsExactly("bridges", "transport");
	}

	@Test
	void offersFiveToEightRelatedArticlesNeverItself() {
		var related = this.page.select(".read-also .teaser-headline a");
		assertThat(this.page.selectFirst(".read-also h2").text()).isEqualTo("Read also");
		assertThat(related).hasSizeBetween(5, 8);
		assertThat(related).extracting((a) -> a.attr("href"))
			.doesNotContain(this.english.path())
			.allSatisfy((href) -> assertThat(href).startsWith("/en/"));
	}

	@Test
	void invitesToTheEditionsTelegramChannelAndHasWidgetsAndFooter() {
		Element cta = this.page.selectFirst(".telegram-cta");
		assertThat(cta.selectFirst("h2").text()).isEqualTo("Join our Telegram");
		assertThat(cta.selectFirst("a").attr("href")).isEqualTo("https://t.me/qalam_en");
		assertThat(this.page.selectFirst("aside .rates h2").text()).isEqualTo("Exchange rates");
		assertThat(this.page.selectFirst("aside .weather h2").text()).isEqualTo("Weather");
		assertThat(this.page.selectFirst("aside .weather .weather-city").text()).isEqualTo("Almaty");
		assertThat(this.page.select("footer.site-footer a")).extracting((a) -> a.attr("href"))
			.contains("/en/contacts", "/en/advertising", "https://t.me/qalam_en");
	}

	@Test
	void carriesSeoMetadata() {
		String url = BASE + this.english.path();
		assertThat(this.page.title()).isEqualTo("Bridge over the Irtysh opens & traffic flows — Qalam");
		assertThat(this.page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(meta("name", "description")).isEqualTo("The new bridge shortens the way to the left bank.");
		assertThat(this.page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
		assertThat(meta("property", "og:type")).isEqualTo("article");
		assertThat(meta("property", "og:url")).isEqualTo(url);
		assertThat(meta("property", "og:title")).isEqualTo("Bridge over the Irtysh opens & traffic flows");
		assertThat(meta("property", "og:image")).startsWith(BASE + "/media/").endsWith(".jpg");
		assertThat(meta("property", "article:published_time")).isNotBlank();
		assertThat(meta("name", "twitter:card")).isEqualTo("summary_large_image");
		assertThat(meta("name", "twitter:image")).isEqualTo(meta("property", "og:image"));
	}

	@Test
	void describesItselfAsANewsArticleInJsonLd() {
		var scripts = this.page.select("script[type=application/ld+json]");
		assertThat(scripts).hasSize(1);
		JsonNode data = JsonMapper.builder().build().readTree(scripts.get(0).data());
		assertThat(data.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(data.get("headline").asString()).isEqualTo("Bridge over the Irtysh opens & traffic flows");
		assertThat(data.get("image").get(0).asString()).startsWith(BASE + "/media/");
		assertThat(data.get("datePublished").asString()).isEqualTo(meta("property", "article:published_time"));
		assertThat(data.get("dateModified").asString()).isNotBlank();
		assertThat(data.get("inLanguage").asString()).isEqualTo("en");
		assertThat(data.get("author").get(0).get("name").asString()).isEqualTo("Qalam");
		assertThat(data.get("publisher").get("name").asString()).isEqualTo("Qalam");
		assertThat(data.get("publisher").get("logo").get("url").asString()).isEqualTo(BASE + "/site/logo.png");
		assertThat(data.get("mainEntityOfPage").get("@id").asString()).isEqualTo(BASE + this.english.path());
	}

	@Test
	void jsonLdCannotBreakOutOfItsScriptElement() {
		var hostile = article(this.context).in("en").headline("</script><script>alert(1)</script>").create();
		Document page = this.web.page(hostile.path());
		assertThat(page.select("script:not([src])")).hasSize(1);
		assertThat(page.selectFirst("h1").text()).isEqualTo("</script><script>alert(1)</script>");
	}

	@Test
	void englishPagesCarryNoRussianInterfaceWords() {
		for (String path : List.of(this.english.path(), "/en/", "/en/section/world", "/en/contacts", "/en/nope")) {
			var response = this.web.get(path);
			Document page = org.jsoup.Jsoup.parse(response.body());
			page.select("nav.languages").remove();
			assertThat(page.text()).as(path).doesNotContainPattern("\\p{IsCyrillic}");
		}
	}

	@Test
	void weighsUnderSixtyKilobytesWithStylesAndScripts() {
		int html = this.web.getBytes(this.english.path()).body().length;
		int css = this.web.getBytes(this.page.selectFirst("link[rel=stylesheet]").attr("href")).body().length;
		int js = this.web.getBytes(this.page.selectFirst("script[src]").attr("src")).body().length;
		assertThat(html + css + js).isLessThan(60 * 1024);
	}

	@Test
	void isCacheableByBrowsersAndCdns() {
		var response = this.web.get(this.english.path());
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=0",
				"s-maxage=60", "stale-while-revalidate", "stale-if-error");
		assertThat(response.headers().firstValue("Surrogate-Key").orElseThrow().split(" ")).contains(
				"edition-" + this.english.edition(), "article-" + this.english.id(), "story-" + this.english.storyId());
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html")
			.contains("UTF-8");
	}

	@Test
	void redirectsAWrongDateToTheRealAddress() {
		String wrong = this.english.path().replaceFirst("/en/\\d{4}/", "/en/1999/");
		var response = this.web.get(wrong);
		assertThat(response.statusCode()).isEqualTo(301);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(this.english.path());
	}

	private String meta(String attribute, String name) {
		Element meta = this.page.selectFirst("meta[" + attribute + "=" + name + "]");
		assertThat(meta).as("meta %s=%s", attribute, name).isNotNull();
		return meta.attr("content");
	}

}
