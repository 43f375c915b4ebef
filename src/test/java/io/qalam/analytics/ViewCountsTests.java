package io.qalam.analytics;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Actor;
import io.qalam.content.ArticleBuilder;
import io.qalam.content.ArticleWorkflow;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views counted by the article pages' beacon, without cookies: robots left out, sums
 * written in batches, "most read" in order of views on the public pages, where readers
 * came from in broad classes, and the newsroom's figures.
 */
@QalamTest
class ViewCountsTests {

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ViewCounts counts;

	@Autowired
	MostRead mostRead;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Clock clock;

	WebClient web;

	@BeforeEach
	void noViewsYet() {
		this.counts.flush();
		this.jdbc.sql("DELETE FROM article_views").update();
		this.mostRead.refresh();
		this.web = new WebClient(this.port);
	}

	@Test
	void mostReadListsTheEditionsMostViewedArticlesInOrder() {
		var first = ArticleBuilder.article(this.context).in("en").create();
		var second = ArticleBuilder.article(this.context).in("en").create();
		var third = ArticleBuilder.article(this.context).in("en").create();
		var elsewhere = ArticleBuilder.article(this.context).in("kk").create();
		view(second, 5);
		view(first, 3);
		view(third, 1);
		view(elsewhere, 9);
		this.counts.flush();
		this.mostRead.refresh();

		HttpResponse<String> home = this.web.get("/en/");
		assertThat(mostRead(home.body())).containsExactly(second.path(), first.path(), third.path());
		// on the article pages too, and each edition has its own
		assertThat(mostRead(this.web.get(third.path()).body())).containsExactly(second.path(), first.path(),
				third.path());
		assertThat(mostRead(this.web.get("/kk/").body())).containsExactly(elsewhere.path());
		assertThat(Jsoup.parse(home.body()).selectFirst(".most-read h2").text()).isEqualTo("Most read");

		// an article taken off the site leaves the list at once, kept pages included
		assertThat(this.web.get("/en/").headers().firstValue("X-Cache")).hasValue("HIT");
		Actor editor = new Actor("most-read-editor", Role.EDITOR);
		this.workflow.unpublish(editor, second.id(), this.workflow.find(second.id()).orElseThrow().version());
		assertThat(mostRead(this.web.get("/en/").body())).containsExactly(first.path(), third.path());
	}

	@Test
	void theBeaconAnswersNoContentAndCountsPeopleOnly() {
		var article = ArticleBuilder.article(this.context).in("ru").create();
		String beacon = "/ru/views/" + article.id();
		for (HttpResponse<String> answer : List.of(this.web.post(beacon + "?r=", "User-Agent", BROWSER),
				this.web.get(beacon, "User-Agent", BROWSER))) {
			assertThat(answer.statusCode()).isEqualTo(204);
			assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
			assertThat(answer.body()).isEmpty();
		}
		for (String robot : List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"Mozilla/5.0 (compatible; YandexBot/3.0)", "curl/8.5.0", "TelegramBot (like TwitterBot)",
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
				"facebookexternalhit/1.1")) {
			assertThat(this.web.post(beacon, "User-Agent", robot).statusCode()).isEqualTo(204);
		}
		// the Java client of these tests has a user agent of its own: a robot too
		assertThat(this.web.post(beacon).statusCode()).isEqualTo(204);
		// no such article, no such edition: answered alike, nothing written
		this.web.post("/ru/views/999999999", "User-Agent", BROWSER);
		this.web.post("/xx/views/" + article.id(), "User-Agent", BROWSER);
		this.web.post("/en/views/" + article.id(), "User-Agent", BROWSER);
		this.counts.flush();
		assertThat(this.jdbc.sql("SELECT SUM(views) FROM article_views").query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM article_views WHERE edition <> 'ru'").query(Long.class).single())
			.isZero();

		// views added later add to the same hour's row
		view(article, 3);
		this.counts.flush();
		assertThat(this.jdbc.sql("SELECT SUM(views) FROM article_views WHERE article_id = :id")
			.param("id", article.id())
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void whereReadersCameFromIsKeptAsBroadClassesOnly() {
		var article = ArticleBuilder.article(this.context).in("kk").create();
		String beacon = "/kk/views/" + article.id();
		for (String query : List.of("?r=www.google.kz", "?r=yandex.kz", "?r=t.me", "?r=m.vk.com", "?r=l.facebook.com",
				"?r=", "?r=localhost", "?r=tengrinews.kz", "?r=%3Cscript%3E", "")) {
			this.web.post(beacon + query, "User-Agent", BROWSER);
		}
		this.counts.flush();
		Map<Source, Long> sources = this.counts.sources(article.id(), this.clock.instant().minus(Duration.ofHours(1)));
		assertThat(sources).containsEntry(Source.SEARCH, 2L)
			.containsEntry(Source.TELEGRAM, 1L)
			.containsEntry(Source.SOCIAL, 2L)
			.containsEntry(Source.DIRECT, 1L)
			.containsEntry(Source.INTERNAL, 1L)
			.containsEntry(Source.OTHER, 2L)
			.containsEntry(Source.UNKNOWN, 1L);
		// the table holds numbers and classes: no address, no agent, no referrer
		assertThat(this.jdbc.sql("SELECT DISTINCT source FROM article_views").query(String.class).list())
			.allMatch((s) -> s.matches("[a-z]+"));
	}

	@Test
	void editorsSeeTodaysTopArticlesAndAnArticlesViewsPerHour() {
		var article = ArticleBuilder.article(this.context).in("en").headline("Counted in the newsroom").create();
		view(article, 4);
		this.web.post("/en/views/" + article.id() + "?r=t.me", "User-Agent", BROWSER);
		this.counts.flush();

		NewsroomTestLogin editor = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.EDITOR));
		Document today = Jsoup.parse(editor.get("/newsroom/audience"));
		var row = today.selectFirst(".audience-top tbody tr");
		assertThat(row.selectFirst("a").text()).isEqualTo("Counted in the newsroom");
		assertThat(row.selectFirst(".number").text()).isEqualTo("5");
		assertThat(today.selectFirst("[data-source=telegram] .number").text()).isEqualTo("1");
		assertThat(today.selectFirst("[data-source=direct] .number").text()).isEqualTo("4");

		Document one = Jsoup.parse(editor.get(row.selectFirst("a").attr("href")));
		assertThat(one.selectFirst("h1").text()).isEqualTo("Counted in the newsroom");
		assertThat(one.select("svg.views-chart rect.bar")).hasSize(1);
		assertThat(one.selectFirst("svg.views-chart").attr("aria-label")).isEqualTo("5 views, at most 5 in an hour");
		assertThat(one.selectFirst(".audience-days tbody td.number").text()).isEqualTo("5");
		assertThat(one.selectFirst("[data-source=telegram] .number").text()).isEqualTo("1");
	}

	@Test
	void noPublicPageSetsACookie() {
		var article = ArticleBuilder.article(this.context).in("ru").tags("cookies").create();
		for (String path : List.of("/", "/ru/", "/kk/", "/en/", article.path(), "/ru/section/economy",
				"/ru/tag/cookies", "/ru/search?q=test", "/ru/rates", "/ru/weather", "/ru/rss.xml", "/sitemap.xml",
				"/ru/2026/01/01/", "/ru/no-such-page", "/ru/widgets/weather/astana", "/robots.txt")) {
			assertThat(this.web.get(path, "User-Agent", BROWSER).headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
		assertThat(this.web.post("/ru/views/" + article.id(), "User-Agent", BROWSER).headers().allValues("Set-Cookie"))
			.isEmpty();
		// the one exception: the reader's own choice of city, on the weather page
		assertThat(this.web.get("/ru/weather?city=astana", "User-Agent", BROWSER).headers().allValues("Set-Cookie"))
			.singleElement()
			.asString()
			.startsWith("qalam_city=astana");
	}

	private void view(ArticleBuilder.Created article, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(this.web.post("/" + article.edition() + "/views/" + article.id() + "?r=", "User-Agent", BROWSER)
				.statusCode()).isEqualTo(204);
		}
	}

	private static List<String> mostRead(String html) {
		return Jsoup.parse(html).select(".most-read li a").stream().map((a) -> a.attr("href")).toList();
	}

}
