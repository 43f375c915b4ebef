package io.qalam.widgets;

import java.net.http.HttpResponse;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaking-news banner: an editor sets it in the newsroom and the very next request
 * of a kept page shows it, still served from the cache; taken down, it is gone the same
 * way. Bad text or links are refused and change nothing.
 */
@QalamTest
class BreakingNewsTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BreakingNews breaking;

	@AfterEach
	void takeDown() {
		for (String edition : new String[] { "ru", "kk", "en" }) {
			this.breaking.clear("test", edition, null);
		}
	}

	@Test
	void aBannerShowsOnTheNextRequestOfAKeptPageWithoutEvictingIt() {
		WebClient reader = new WebClient(this.port);
		reader.get("/ru/");
		assertThat(reader.get("/ru/").headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(Jsoup.parse(reader.get("/ru/").body()).selectFirst(".breaking")).isNull();

		NewsroomTestLogin editor = editor();
		assertThat(Jsoup.parse(editor.get("/newsroom/breaking")).select(".breaking-none")).hasSize(3);
		HttpResponse<String> set = editor.post("/newsroom/breaking", "edition", "ru", "text",
				"  Землетрясение ощущалось\nв Алматы  ", "link", "/ru/");
		assertThat(set.statusCode()).isEqualTo(302);
		assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/breaking?shown=ru");

		HttpResponse<String> home = reader.get("/ru/");
		assertThat(home.headers().firstValue("X-Cache")).hasValue("HIT");
		Element banner = Jsoup.parse(home.body()).selectFirst(".breaking");
		assertThat(banner).isNotNull();
		assertThat(banner.selectFirst(".breaking-label").text()).isEqualTo("Срочно");
		assertThat(banner.selectFirst("a").text()).isEqualTo("Землетрясение ощущалось в Алматы");
		assertThat(banner.selectFirst("a").attr("href")).isEqualTo("/ru/");
		// on an article too, and in no other edition
		String article = Jsoup.parse(home.body()).selectFirst(".lead-headline a").attr("href");
		assertThat(Jsoup.parse(reader.get(article).body()).select(".breaking a").text())
			.isEqualTo("Землетрясение ощущалось в Алматы");
		assertThat(Jsoup.parse(reader.get("/en/").body()).selectFirst(".breaking")).isNull();
		// a new banner means new bytes: the page's ETag changes with it
		String etag = home.headers().firstValue("ETag").orElseThrow();
		assertThat(reader.get("/ru/", "If-None-Match", etag).statusCode()).isEqualTo(304);

		Document page = Jsoup.parse(editor.get("/newsroom/breaking?shown=ru"));
		assertThat(page.selectFirst(".notice").text()).isEqualTo("Russian: the banner is on every page.");
		assertThat(page.selectFirst("#breaking-ru").parent().selectFirst(".breaking-now").text())
			.contains("Землетрясение ощущалось в Алматы");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'BREAKING_NEWS_SET'")
			.query(Integer.class)
			.single()).isPositive();

		assertThat(editor.post("/newsroom/breaking/clear", "edition", "ru").statusCode()).isEqualTo(302);
		HttpResponse<String> after = reader.get("/ru/");
		assertThat(after.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(Jsoup.parse(after.body()).selectFirst(".breaking")).isNull();
		assertThat(reader.get("/ru/", "If-None-Match", home.headers().firstValue("ETag").orElseThrow()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aBannerWithoutALinkIsPlainText() {
		NewsroomTestLogin editor = editor();
		editor.get("/newsroom/breaking");
		editor.post("/newsroom/breaking", "edition", "kk", "text", "Сайлау нәтижелері", "link", "");
		Element banner = Jsoup.parse(new WebClient(this.port).get("/kk/").body()).selectFirst(".breaking");
		assertThat(banner.select("a")).isEmpty();
		assertThat(banner.text()).isEqualTo("Шұғыл Сайлау нәтижелері");
	}

	@Test
	void badTextOrLinksAreRefusedAndChangeNothing() {
		NewsroomTestLogin editor = editor();
		editor.get("/newsroom/breaking");
		editor.post("/newsroom/breaking", "edition", "en", "text", "Kept", "link", "https://example.org/kept");
		String[][] refused = { { "", "/en/", "Write the banner’s text." },
				{ "x".repeat(201), "/en/", "The text is longer than 200 characters." },
				{ "Bad", "javascript:alert(1)", "The link must be" }, { "Bad", "//evil.example/", "The link must be" },
				{ "Bad", "https://user:pw@evil.example/", "The link must be" },
				{ "Bad", "https://" + "a".repeat(500) + ".kz/", "The link is longer than 500 characters." } };
		for (String[] input : refused) {
			editor.get("/newsroom/breaking");
			HttpResponse<String> answer = editor.post("/newsroom/breaking", "edition", "en", "text", input[0], "link",
					input[1]);
			assertThat(answer.statusCode()).as(input[1]).isEqualTo(400);
			Document page = Jsoup.parse(answer.body());
			assertThat(page.selectFirst(".error").text()).as(input[1]).contains(input[2]);
			// what was typed stays in the form, to be corrected
			assertThat(page.selectFirst("#link-en").val()).isEqualTo(input[1]);
			assertThat(this.breaking.current("en").orElseThrow().text()).isEqualTo("Kept");
		}
		editor.get("/newsroom/breaking");
		assertThat(editor.post("/newsroom/breaking", "edition", "xx", "text", "Bad").statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(new WebClient(this.port).get("/en/").body()).selectFirst(".breaking a").attr("href"))
			.isEqualTo("https://example.org/kept");
	}

	@Test
	void onlyEditorsAndAdminsSetBanners() {
		NewsroomTestLogin reporter = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.REPORTER));
		reporter.get("/newsroom/");
		assertThat(reporter.post("/newsroom/breaking", "edition", "ru", "text", "No").statusCode()).isEqualTo(403);
		assertThat(this.breaking.current("ru")).isEmpty();
	}

	private NewsroomTestLogin editor() {
		return NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.EDITOR));
	}

}
