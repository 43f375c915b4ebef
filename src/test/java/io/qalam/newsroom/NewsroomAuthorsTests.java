package io.qalam.newsroom;

import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.media.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authors through the newsroom's real forms: names and biographies per edition, a photo
 * uploaded with the form, and what readers then see on the author's page.
 */
@QalamTest
class NewsroomAuthorsTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private NewsroomClient editor;

	@BeforeEach
	void logIn() {
		this.editor = client(Role.EDITOR);
	}

	@Test
	void anEditorGivesAnAuthorNamesPerEditionAndAPhotoReadersSee() {
		String slug = "dana-" + UUID.randomUUID().toString().substring(0, 6);
		this.editor.get("/newsroom/authors/new");
		var created = this.editor.postMultipart("/newsroom/authors",
				new NewsroomClient.FilePart("photoFile", "dana.jpg", "image/jpeg", TestImages.jpeg(800, 800)), "slug",
				slug, "name-ru", "Дана Абенова", "bio-ru", "Пишет о городе.", "name-en", "Dana Abenova", "bio-en",
				"Covers the city.", "name-kk", "", "bio-kk", "");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/authors?saved=" + slug);

		Document list = Jsoup.parse(this.editor.get("/newsroom/authors").body());
		var row = list.select("table.authors tr")
			.stream()
			.filter((tr) -> tr.text().contains(slug))
			.findFirst()
			.orElseThrow();
		assertThat(row.selectFirst("img.author-photo")).isNotNull();

		// the new author is offered as a byline in the English editor, not in Kazakh
		assertThat(Jsoup.parse(this.editor.get("/newsroom/articles/new?edition=en").body())
			.select("select.author-choice option")
			.eachAttr("value")).contains(slug);
		assertThat(Jsoup.parse(this.editor.get("/newsroom/articles/new?edition=kk").body())
			.select("select.author-choice option")
			.eachAttr("value")).doesNotContain(slug);

		Document page = Jsoup.parse(new WebClient(this.port).get("/en/author/" + slug).body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Dana Abenova");
		assertThat(page.selectFirst(".listing-intro").text()).isEqualTo("Covers the city.");
		assertThat(page.selectFirst(".author-header img.author-photo").attr("src")).matches("/media/\\d+/480\\.jpg");
		assertThat(new WebClient(this.port).get("/kk/author/" + slug).statusCode()).isEqualTo(404);

		// a change reaches the page readers were served from the cache
		Document form = Jsoup.parse(this.editor.get("/newsroom/authors/" + slug).body());
		assertThat(form.selectFirst("#slug").hasAttr("readonly")).isTrue();
		var changed = this.editor.post("/newsroom/authors/" + slug, "slug", "someone-else", "name-ru", "Дана Абенова",
				"name-en", "Dana Abenova", "bio-en", "Covers the city and the mountains.", "photo",
				form.selectFirst("#photo").val());
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(new WebClient(this.port).get("/en/author/" + slug).body())
			.selectFirst(".listing-intro")
			.text()).isEqualTo("Covers the city and the mountains.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM authors WHERE slug = 'someone-else'").query(Long.class).single())
			.isZero();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndChangesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM authors").query(Long.class).single();
		this.editor.get("/newsroom/authors/new");
		assertRefused(this.editor.post("/newsroom/authors", "slug", "Not A Slug", "name-en", "Someone"),
				"The address has Latin letters, digits and single hyphens only, at most 80 characters.");
		assertRefused(this.editor.post("/newsroom/authors", "slug", "nobody-named", "name-en", "", "bio-en", ""),
				"Give the author a name in at least one edition.");
		assertRefused(this.editor.post("/newsroom/authors", "slug", "too-long", "name-en", "x".repeat(129)),
				"A name has at most 128 characters.");
		assertRefused(this.editor.post("/newsroom/authors", "slug", "bio-only", "bio-en", "A biography"),
				"A biography needs the name it belongs to.");
		assertRefused(this.editor.post("/newsroom/authors", "slug", "no-photo", "name-en", "A", "photo", "999999999"),
				"There is no image 999999999.");
		assertRefused(this.editor.post("/newsroom/authors", "slug", "bad-photo", "name-en", "A", "photo", "12; DROP"),
				"An image number has digits only");
		assertRefused(this.editor.postMultipart("/newsroom/authors",
				new NewsroomClient.FilePart("photoFile", "a.jpg", "image/jpeg", "not a photo".getBytes()), "slug",
				"bad-file", "name-en", "A"), "This file is not a JPEG, PNG or WebP image.");
		// an address taken by a demo author
		assertRefused(this.editor.post("/newsroom/authors", "slug", "daniyar-ospanov", "name-en", "Another"),
				"Another author has this address.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM authors").query(Long.class).single()).isEqualTo(before);

		// an edition whose articles byline the author keeps the name
		Document form = Jsoup.parse(this.editor.get("/newsroom/authors/daniyar-ospanov").body());
		var kept = this.editor.post("/newsroom/authors/daniyar-ospanov", "name-ru", "", "name-kk", "", "name-en",
				form.selectFirst("#name-en").val());
		assertThat(kept.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(kept.body()).select(".field-error").eachText())
			.anyMatch((text) -> text.matches("This edition still has \\d+ articles by this author: .*"));
	}

	@Test
	void reportersDoNotEditAuthors() {
		NewsroomClient reporter = client(Role.REPORTER);
		assertThat(reporter.get("/newsroom/authors").statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(reporter.get("/newsroom").body()).select("nav a").eachAttr("href"))
			.doesNotContain("/newsroom/authors");
		assertThat(Jsoup.parse(this.editor.get("/newsroom").body()).select("nav a").eachAttr("href"))
			.contains("/newsroom/authors");
	}

	private static void assertRefused(java.net.http.HttpResponse<String> answer, String message) {
		assertThat(answer.statusCode()).as(message).isEqualTo(400);
		Document page = Jsoup.parse(answer.body());
		assertThat(page.select(".field-error").eachText()).as(message)
			.anySatisfy((text) -> assertThat(text).startsWith(message));
	}

	private NewsroomClient client(Role role) {
		String username = TestAccounts.create(this.accounts, role);
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(username, TestAccounts.PASSWORD);
		return client;
	}

}
