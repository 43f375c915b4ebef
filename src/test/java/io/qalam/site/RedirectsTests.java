package io.qalam.site;

import java.net.http.HttpResponse;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.ArticleBuilder;
import io.qalam.content.Redirects;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old addresses answer 301 to their new place, as the site's readers and search engines
 * ask for them, wherever the site has no page; editors keep the list in the newsroom.
 */
@QalamTest
class RedirectsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Redirects redirects;

	WebClient web;

	NewsroomTestLogin editor;

	@BeforeEach
	void client() {
		this.web = new WebClient(this.port);
		this.editor = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.EDITOR));
		this.editor.get("/newsroom/redirects");
	}

	@Test
	void anOldAddressAnswers301ToItsNewPlaceHoweverItIsSpelled() {
		var article = ArticleBuilder.article(this.context).in("ru").create();
		assertThat(add("/2015/03/привет-мир/", article.path()).statusCode()).isEqualTo(302);
		for (String old : new String[] { "/2015/03/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82-%D0%BC%D0%B8%D1%80/",
				"/2015/03/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80",
				"/2015/03/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82-%D0%BC%D0%B8%D1%80/?utm_source=telegram" }) {
			HttpResponse<String> moved = this.web.get(old);
			assertThat(moved.statusCode()).as(old).isEqualTo(301);
			assertThat(moved.headers().firstValue("Location")).as(old)
				.hasValueSatisfying((location) -> assertThat(location).endsWith(article.path()));
			assertThat(moved.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
		}
		// only reading follows a redirect
		assertThat(this.web.post("/2015/03/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82-%D0%BC%D0%B8%D1%80/").statusCode())
			.isNotEqualTo(301);
		assertThat(this.web.get("/2015/03/другой/").statusCode()).isEqualTo(404);
	}

	@Test
	void wordpressShortLinksAtTheRootComeBeforeTheLanguageRedirect() {
		add("https://old.example.kz/?p=123", "/kk/section/culture");
		HttpResponse<String> moved = this.web.get("/?p=123", "Accept-Language", "en");
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/kk/section/culture");
		// another post, or none: the reader's language decides as before
		for (String other : new String[] { "/?p=124", "/" }) {
			HttpResponse<String> language = this.web.get(other, "Accept-Language", "en");
			assertThat(language.statusCode()).as(other).isBetween(302, 303);
			assertThat(language.headers().firstValue("Location").orElseThrow()).as(other).endsWith("/en/");
		}
	}

	@Test
	void aRedirectNeverHidesAPage() {
		var page = ArticleBuilder.article(this.context).in("en").create();
		var other = ArticleBuilder.article(this.context).in("en").create();
		assertThat(add(page.path(), other.path()).statusCode()).isEqualTo(302);
		assertThat(this.web.get(page.path()).statusCode()).isEqualTo(200);
	}

	@Test
	void redirectsNeverChain() {
		add("/old-a", "/old-b/");
		add("/old-b", "/en/section/world");
		assertThat(this.web.get("/old-a").headers().firstValue("Location").orElseThrow()).endsWith("/en/section/world");
		// a new one to an old address leads straight to where that one leads
		add("/old-c", "/old-a");
		assertThat(this.web.get("/old-c").headers().firstValue("Location").orElseThrow()).endsWith("/en/section/world");
		// and one back to where it starts is refused
		HttpResponse<String> loop = add("/en/section/world", "/old-a");
		assertThat(loop.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(loop.body()).selectFirst(".error").text())
			.isEqualTo("The old and the new address are the same place.");
	}

	@Test
	void badRedirectsAreRefusedWithTheirReasonAndChangeNothing() {
		long before = this.redirects.page("", 1).total();
		String[][] bad = { { "/somewhere", "https://evil.example/x", "#redirect-to" },
				{ "/somewhere", "//evil.example/x", "#redirect-to" }, { "/somewhere", "somewhere", "#redirect-to" },
				{ "not-a-path", "/en/", "#redirect-from" }, { "/bad-%zz", "/en/", "#redirect-from" },
				{ "/same/", "/same", "#redirect-to" }, { "/" + "x".repeat(1001), "/en/", "#redirect-from" },
				{ "/line\nbreak", "/en/", "#redirect-from" } };
		for (String[] attempt : bad) {
			HttpResponse<String> refused = add(attempt[0], attempt[1]);
			assertThat(refused.statusCode()).as(attempt[0] + " → " + attempt[1]).isEqualTo(400);
			Document page = Jsoup.parse(refused.body());
			assertThat(page.selectFirst(attempt[2] + " + .field-error")).as(attempt[0] + " → " + attempt[1])
				.isNotNull();
			assertThat(page.selectFirst("#redirect-from").attr("value")).isEqualTo(attempt[0]);
			this.editor.get("/newsroom/redirects");
		}
		add("/taken", "/en/");
		HttpResponse<String> taken = add("/taken/", "/ru/");
		assertThat(taken.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(taken.body()).selectFirst(".error").text())
			.isEqualTo("There is already a redirect from /taken: remove it first.");
		assertThat(this.redirects.page("", 1).total()).isEqualTo(before + 1);
		assertThat(this.web.get("/taken").headers().firstValue("Location").orElseThrow()).endsWith("/en/");
	}

	@Test
	void editorsFindAndRemoveRedirects() {
		add("/2014/qazaq-%D3%99%D0%BB%D1%96%D0%BF%D0%B1%D0%B8/", "/kk/");
		Document list = Jsoup.parse(this.editor.get("/newsroom/redirects?q=%D3%99%D0%BB%D1%96%D0%BF"));
		assertThat(list.select("table.redirects tbody tr")).singleElement()
			.satisfies((row) -> assertThat(row.selectFirst("td code").text()).isEqualTo("/2014/qazaq-әліпби"));
		String remove = list.selectFirst("table.redirects form").attr("action");
		assertThat(this.editor.post(remove).statusCode()).isEqualTo(302);
		assertThat(this.web.get("/2014/qazaq-%D3%99%D0%BB%D1%96%D0%BF%D0%B1%D0%B8/").statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(this.editor.get("/newsroom/redirects?q=%D3%99%D0%BB%D1%96%D0%BF"))
			.select("table.redirects tbody tr")).isEmpty();
	}

	private HttpResponse<String> add(String from, String to) {
		HttpResponse<String> response = this.editor.post("/newsroom/redirects", "from", from, "to", to);
		this.editor.get("/newsroom/redirects");
		return response;
	}

}
