package io.qalam.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/** Home, section, tag, author and static pages, and the sidebar widgets. */
@QalamTest
class PublicPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private WebClient web;

	@BeforeEach
	void setUp() {
		this.web = new WebClient(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en" })
	void homeShowsLeadStoryLatestNewsAndSectionBlocks(String edition) {
		Document home = this.web.page("/" + edition + "/");
		assertThat(home.selectFirst("html").attr("lang")).isEqualTo(edition);
		assertThat(home.select("h1")).hasSize(1);
		assertThat(home.selectFirst(".lead-story .lead-headline a").attr("href")).startsWith("/" + edition + "/20");
		assertThat(home.select(".latest .news-list li")).hasSizeGreaterThanOrEqualTo(5);
		assertThat(home.select(".section-block")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(home.select("nav.sections a")).hasSize(6);
		assertThat(home.select("link[rel=alternate][hreflang]")).extracting((l) -> l.attr("hreflang"))
			.containsExactly("ru", "kk", "en");
		assertThat(home.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("https://qalam.example/" + edition + "/");
		assertThat(home.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("website");
	}

	@Test
	void homeWithoutTrailingSlashRedirects() {
		var response = this.web.get("/kk");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/kk/");
	}

	@Test
	void redirectsNeverCarryTheHostTheClientSent() throws Exception {
		for (String host : new String[] { "Host: evil.example", "Host: localhost\r\nX-Forwarded-Host: evil.example" }) {
			try (var socket = new java.net.Socket("127.0.0.1", this.port)) {
				socket.getOutputStream()
					.write(("GET /en HTTP/1.1\r\n" + host + "\r\nConnection: close\r\n\r\n")
						.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				String answer = new String(socket.getInputStream().readAllBytes(),
						java.nio.charset.StandardCharsets.US_ASCII);
				assertThat(answer).as(host).startsWith("HTTP/1.1 302").containsIgnoringCase("\r\nLocation: /en/\r\n");
				assertThat(answer).as(host).doesNotContain("evil.example");
			}
		}
	}

	@Test
	void aTagWhoseArticlesAreAllUnpublishedIsNotFound() {
		String name = "Hidden topic " + java.util.UUID.randomUUID().toString().substring(0, 8);
		article(this.context).in("en").tags(name).status(io.qalam.content.ArticleStatus.UNPUBLISHED).create();
		String slug = io.qalam.edition.Slugs.slugify(name);
		assertThat(this.web.get("/en/tag/" + slug).statusCode()).isEqualTo(404);
		assertThat(this.web.get("/en/tag/no-such-tag-at-all").statusCode()).isEqualTo(404);
	}

	@Test
	void sectionPageListsItsArticlesNewestFirstWithPagination() {
		Document page = this.web.page("/ru/section/kazakhstan");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Казахстан");
		assertThat(page.selectFirst("nav.sections a[aria-current=page]").text()).isEqualTo("Казахстан");
		var teasers = page.select(".listing .teaser");
		assertThat(teasers).isNotEmpty();
		var times = page.select(".listing .teaser time").eachAttr("datetime");
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
		for (int i = 0; i < 21; i++) {
			article(this.context).in("kk").section("sport").create();
		}
		Document first = this.web.page("/kk/section/sport");
		assertThat(first.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/kk/section/sport?page=2");
		Document second = this.web.page("/kk/section/sport?page=2");
		assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/kk/section/sport");
		assertThat(second.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("https://qalam.example/kk/section/sport?page=2");
		assertThat(second.title()).contains("2-бет");
	}

	@Test
	void tagAndAuthorPagesListTheirArticles() {
		var tagged = article(this.context).in("en").tags("Solar power").create();
		Document tag = this.web.page("/en/tag/solar-power");
		assertThat(tag.selectFirst("h1").text()).isEqualTo("Solar power");
		assertThat(tag.select(".listing .teaser-headline a").eachAttr("href")).contains(tagged.path());

		Document author = this.web.page("/kk/author/aigerim-sadykova");
		assertThat(author.selectFirst("h1").text()).isEqualTo("Әйгерім Садықова");
		assertThat(author.selectFirst(".listing-intro").text()).contains("тілшісі");
		assertThat(author.select(".listing .teaser")).hasSizeGreaterThanOrEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en" })
	void contactsAndAdvertisingPagesExistInEveryEdition(String edition) {
		Document contacts = this.web.page("/" + edition + "/contacts");
		assertThat(contacts.select(".contact-list li")).hasSize(4);
		Document advertising = this.web.page("/" + edition + "/advertising");
		assertThat(advertising.selectFirst("h1").text()).isNotBlank();
		assertThat(advertising.select("link[rel=alternate][hreflang]")).hasSize(3);
	}

	@Test
	void widgetsShowTheStoredValuesOrSayThereAreNoneYet() {
		Element empty = this.web.page("/ru/").selectFirst("aside.sidebar");
		assertThat(empty.selectFirst(".rates .widget-empty").text()).isEqualTo("Курсы ещё не получены.");
		assertThat(empty.selectFirst(".weather .widget-empty").text()).isEqualTo("Данных о погоде пока нет.");
		try {
			LocalDate today = LocalDate.of(2026, 11, 27);
			rate("USD", today, "474.51", "+1.07");
			rate("EUR", today, "548.20", "-0.35");
			rate("RUB", today, "5.98", "0.00");
			rate("USD", today.minusDays(1), "473.44", "0.00");
			this.jdbc
				.sql("INSERT INTO weather_now (city, temperature_c, weather_code, wind_speed_kmh, observed_at) "
						+ "VALUES ('almaty', -3.4, 71, 12.6, :at)")
				.param("at", OffsetDateTime.parse("2026-11-27T09:00:00Z"))
				.update();
			Element widgets = this.web.page("/en/").selectFirst("aside.sidebar");
			assertThat(widgets.select(".rates tbody tr")).extracting((row) -> row.text())
				.containsExactly("USD 474.51 ↑up +1.07", "EUR 548.20 ↓down \u22120.35", "RUB 5.98 →unchanged 0.00");
			assertThat(widgets.selectFirst(".rates .widget-note").text())
				.isEqualTo("as of 27 November 2026 · All currencies");
			// Jsoup reads the no-break space as a space
			assertThat(widgets.selectFirst(".weather-temp").text()).isEqualTo("−3 °C");
			assertThat(widgets.selectFirst(".weather-condition").text()).isEqualTo("Snow");
			assertThat(widgets.selectFirst(".weather .widget-note").text())
				.isEqualTo("Wind 13 km/h, at 27 November 2026, 14:00");
		}
		finally {
			this.jdbc.sql("DELETE FROM exchange_rates").update();
			this.jdbc.sql("DELETE FROM weather_now").update();
		}
	}

	@Test
	void imagesAndStylesAreServedForAYear() {
		Document home = this.web.page("/en/");
		String image = home.selectFirst("main img[src^=/media/]").attr("src");
		var response = this.web.getBytes(image);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000",
				"immutable");
		String css = home.selectFirst("link[rel=stylesheet]").attr("href");
		assertThat(css).matches("/site/site-[0-9a-f]{32}\\.css");
		assertThat(this.web.getBytes(css).headers().firstValue("Cache-Control").orElseThrow())
			.contains("max-age=31536000");
	}

	private void rate(String currency, LocalDate day, String rate, String change) {
		this.jdbc.sql("INSERT INTO exchange_rates (currency, rate_date, rate, change) VALUES (:c, :d, :r, :ch)")
			.param("c", currency)
			.param("d", day)
			.param("r", new BigDecimal(rate))
			.param("ch", new BigDecimal(change))
			.update();
	}

}
