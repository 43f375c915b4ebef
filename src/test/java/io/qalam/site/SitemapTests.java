package io.qalam.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.ArticleStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/** Sitemaps, the news sitemap and robots.txt, read as a crawler reads them. */
@QalamTest
class SitemapTests {

	private static final String BASE = "https://qalam.example";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theIndexCoversEveryPublishedArticleInPagesWithAlternates() {
		var ru = article(this.context).in("ru").headline("Карта сайта " + suffix()).create();
		var en = article(this.context).in("en").headline("Sitemap story " + suffix()).translationOf(ru).create();
		var draft = article(this.context).in("en").headline("Draft " + suffix()).status(ArticleStatus.DRAFT).create();

		Document index = xml("/sitemap.xml");
		List<String> sitemaps = index.select("sitemap > loc").eachText();
		long published = this.jdbc
			.sql("SELECT COUNT(*) FROM articles WHERE status = 'PUBLISHED' AND published_at <= "
					+ "CURRENT_TIMESTAMP AND (embargo_until IS NULL OR embargo_until <= CURRENT_TIMESTAMP)")
			.query(Long.class)
			.single();
		long pages = (published + 19) / 20;
		assertThat(pages).isGreaterThan(1);
		assertThat(sitemaps).hasSize((int) pages + 1).first().isEqualTo(BASE + "/sitemaps/pages.xml");

		List<Element> urls = new ArrayList<>();
		for (String sitemap : sitemaps.subList(1, sitemaps.size())) {
			Document page = xml(sitemap.substring(BASE.length()));
			assertThat(page.select("url")).hasSizeLessThanOrEqualTo(20);
			urls.addAll(page.select("url"));
		}
		assertThat(urls).hasSize((int) published);
		List<String> locations = urls.stream().map((u) -> u.selectFirst("loc").text()).toList();
		assertThat(locations).doesNotHaveDuplicates()
			.contains(BASE + ru.path(), BASE + en.path())
			.doesNotContain(BASE + draft.path());
		Element english = urls.stream()
			.filter((u) -> u.selectFirst("loc").text().equals(BASE + en.path()))
			.findFirst()
			.orElseThrow();
		assertThat(english.select("xhtml|link")).extracting((l) -> l.attr("hreflang") + " " + l.attr("href"))
			.containsExactlyInAnyOrder("ru " + BASE + ru.path(), "en " + BASE + en.path());
		assertThat(english.selectFirst("lastmod").text()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(new WebClient(this.port).get("/sitemaps/articles-999.xml").statusCode()).isEqualTo(404);
	}

	@Test
	void theFixedPagesOfEveryEditionAreListed() {
		Document pages = xml("/sitemaps/pages.xml");
		List<String> locations = pages.select("url > loc").eachText();
		assertThat(locations).contains(BASE + "/ru/", BASE + "/kk/section/economy", BASE + "/en/rates",
				BASE + "/kk/weather", BASE + "/ru/contacts");
		Element economy = pages.select("url")
			.stream()
			.filter((u) -> u.selectFirst("loc").text().equals(BASE + "/kk/section/economy"))
			.findFirst()
			.orElseThrow();
		assertThat(economy.select("xhtml|link")).hasSize(3);
	}

	@Test
	void theNewsSitemapHasTheLast48HoursOnly() {
		String fresh = "Fresh news " + suffix();
		article(this.context).in("kk").headline(fresh).publishedIn(Duration.ofMinutes(-5)).create();
		String old = "Old news " + suffix();
		article(this.context).in("kk").headline(old).publishedIn(Duration.ofHours(-49)).create();
		Document news = xml("/news-sitemap.xml");
		List<String> titles = news.select("news|title").eachText();
		assertThat(titles).contains(fresh).doesNotContain(old);
		Element entry = news.select("url")
			.stream()
			.filter((u) -> u.selectFirst("news|title").text().equals(fresh))
			.findFirst()
			.orElseThrow();
		assertThat(entry.selectFirst("news|language").text()).isEqualTo("kk");
		assertThat(entry.selectFirst("news|name").text()).isEqualTo("Qalam");
		assertThat(entry.selectFirst("news|publication_date").text()).endsWith("Z");
	}

	@Test
	void robotsPointsToBothSitemapsAndKeepsCrawlersOutOfTheNewsroom() {
		var robots = new WebClient(this.port).get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.body()).contains("Sitemap: " + BASE + "/sitemap.xml",
				"Sitemap: " + BASE + "/news-sitemap.xml", "Disallow: /newsroom", "Disallow: /*/preview/");
	}

	private Document xml(String path) {
		var response = new WebClient(this.port).get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
		return Jsoup.parse(response.body(), "", Parser.xmlParser());
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
