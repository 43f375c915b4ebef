package io.qalam.site;

import java.time.Duration;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.ArticleStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad addresses get a clear page in the reader's language, never a 500 or internal
 * detail.
 */
@QalamTest
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private WebClient web;

	@BeforeEach
	void setUp() {
		this.web = new WebClient(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/xx/", "/de/section/world", "/ru/section/nope", "/ru/tag/no-such-tag",
			"/ru/author/nobody", "/ru/2026/01/01/no-such-article", "/ru/2026/13/45/no-such-article",
			"/ru/2026/01/01/Not_A_Slug", "/ru/section/world?page=0", "/ru/section/world?page=999",
			"/ru/nope/deeper/still", "/media/1/999.jpg", "/media/999999/480.jpg", "/ru/tag/%D0%B0" })
	void unknownThingsAreNotFound(String path) {
		var response = this.web.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ru/section/world?page=abc", "/ru/section/world?page=-1",
			"/ru/section/world?page=99999999999", "/ru/tag/x?page=1.5" })
	void malformedParametersAreBadRequests(String path) {
		var response = this.web.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		assertThat(response.body()).contains("Неверный запрос").doesNotContain("Exception", "at io.qalam");
	}

	@Test
	void unpublishedAndFutureArticlesAreNotFound() {
		var draft = article(this.context).in("ru").status(ArticleStatus.DRAFT).create();
		var unpublished = article(this.context).in("ru").status(ArticleStatus.UNPUBLISHED).create();
		var future = article(this.context).in("ru").publishedIn(Duration.ofDays(1)).create();
		assertThat(this.web.get(draft.path()).statusCode()).isEqualTo(404);
		assertThat(this.web.get(unpublished.path()).statusCode()).isEqualTo(404);
		assertThat(this.web.get(future.path()).statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@CsvSource({ "/en/no-such-page, en, Page not found", "/kk/no-such-page, kk, Бет табылмады",
			"/ru/no-such-page, ru, Страница не найдена", "/zz/no-such-page, ru, Страница не найдена" })
	void notFoundPageSpeaksTheEditionsLanguage(String path, String lang, String heading) {
		var response = this.web.get(path);
		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo(lang);
		assertThat(page.selectFirst("h1").text()).isEqualTo(heading);
		assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(page.select("link[rel=canonical]")).isEmpty();
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void wrongMethodsAndOddPathsRevealNothing() {
		for (String path : new String[] { "/ru/%ff%fe", "/ru/..%2f..%2fetc/passwd", "/ru/2026/01/01/a%00b",
				"/" + "a".repeat(3000) }) {
			var response = this.web.get(path);
			assertThat(response.statusCode()).as(path).isBetween(400, 404);
			assertThat(response.body()).as(path).doesNotContain("Exception", "Tomcat", "at org.", "at io.");
		}
	}

	@Test
	void serverErrorsGetAPageInTheDefaultEditionWithoutDetail() {
		var response = this.web.get("/error");
		assertThat(response.statusCode()).isEqualTo(500);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Что-то пошло не так");
		assertThat(page.selectFirst(".error-page a").attr("href")).isEqualTo("/ru/");
		assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.");
	}

	@Test
	void rootRedirectsByAcceptLanguage() {
		assertThat(redirect("kk-KZ,kk;q=0.9")).isEqualTo("/kk/");
		assertThat(redirect("en-US,en;q=0.9")).isEqualTo("/en/");
		assertThat(redirect("fr-FR")).isEqualTo("/ru/");
		var response = this.web.get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/ru/");
		assertThat(response.headers().firstValue("Vary").orElseThrow()).contains("Accept-Language");
	}

	private String redirect(String acceptLanguage) {
		var response = this.web.get("/", "Accept-Language", acceptLanguage);
		assertThat(response.statusCode()).isEqualTo(302);
		// relative: never an address made from the Host header the client sent
		return response.headers().firstValue("Location").orElseThrow();
	}

}
