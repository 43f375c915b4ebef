package io.qalam.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.QalamTest;
import io.qalam.content.PublishedArticles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader downloads for an article before its pictures and fonts: the HTML, the
 * stylesheet and the script, as sent (gzip), stay under 40 KB; the site's fonts are at
 * most two woff2 files of under 60 KB each.
 */
@QalamTest
class PageWeightTests {

	static final int PAGE_BUDGET = 40 * 1024;

	static final int FONT_BUDGET = 60 * 1024;

	private static final Pattern FONT_URL = Pattern.compile("url\\(([^)]+\\.woff2)\\)");

	@LocalServerPort
	int port;

	@Autowired
	PublishedArticles articles;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anArticleWeighsUnderItsBudget() throws Exception {
		// the demo's longest kind of page: a full story with pictures, bylines and "read
		// also"
		String path = this.articles.home("ru").lead().path();
		Fetched html = fetch(path);
		Document page = Jsoup.parse(html.text());
		List<Fetched> parts = new ArrayList<>(List.of(html));
		page.select("link[rel=stylesheet]").forEach((css) -> parts.add(fetch(css.attr("href"))));
		page.select("script[src]").forEach((js) -> parts.add(fetch(js.attr("src"))));
		assertThat(parts).hasSizeGreaterThanOrEqualTo(3);

		long sent = parts.stream().mapToLong(Fetched::sent).sum();
		assertThat(sent).as("HTML + CSS + JS of %s as sent, in bytes: %s", path, parts).isLessThan(PAGE_BUDGET);
	}

	@Test
	void theFontsAreAtMostTwoSmallWoff2Files() throws Exception {
		Document page = Jsoup.parse(fetch("/kk/").text());
		String cssPath = page.selectFirst("link[rel=stylesheet]").attr("href");
		String css = fetch(cssPath).text();
		Set<String> fonts = new LinkedHashSet<>();
		Matcher url = FONT_URL.matcher(css);
		while (url.find()) {
			fonts.add(URI.create(cssPath).resolve(url.group(1).replace("\"", "")).toString());
		}
		assertThat(fonts).hasSizeBetween(1, 2);
		for (String font : fonts) {
			HttpResponse<byte[]> answer = this.http.send(HttpRequest.newBuilder(URI.create(base() + font)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(answer.statusCode()).as(font).isEqualTo(200);
			assertThat(new String(answer.body(), 0, 4)).as(font + " is woff2").isEqualTo("wOF2");
			assertThat(answer.body().length).as(font).isLessThan(FONT_BUDGET);
		}
		// the pages ask for the same files early
		assertThat(page.select("link[rel=preload][as=font]").eachAttr("href"))
			.containsExactlyInAnyOrderElementsOf(fonts);
	}

	private Fetched fetch(String path) {
		try {
			HttpResponse<byte[]> gzip = this.http.send(
					HttpRequest.newBuilder(URI.create(base() + path)).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<String> plain = this.http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(plain.statusCode()).as(path).isEqualTo(200);
			return new Fetched(path, gzip.body().length, plain.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	/** One file: its bytes as sent, and its text. */
	record Fetched(String path, long sent, String text) {

		@Override
		public String toString() {
			return this.path + " " + this.sent + " (" + this.text.length() + " characters)";
		}

	}

}
