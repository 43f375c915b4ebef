package io.qalam.newsroom;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every newsroom page is valid HTML, checked by the Nu HTML Checker. */
@QalamTest
class NewsroomValidHtmlTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void newsroomPagesAreValidHtml() throws Exception {
		String admin = "valid" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(admin, "Valid Admin", Role.ADMIN, "temporary-password");
		NewsroomClient client = new NewsroomClient(this.port);
		String login = client.get("/newsroom/login?error").body();
		client.login(admin, "temporary-password");
		String password = client.get("/newsroom/password").body();
		client.post("/newsroom/password", "current", "temporary-password", "password", "correct horse battery",
				"confirm", "correct horse battery");
		client.get("/newsroom/articles/new");
		String location = client
			.post("/newsroom/articles", "edition", "en", "headline", "Valid page", "lead", "Lead.", "body",
					"<p>Text</p>", "section", "world", "tags", "a, b", "slug", "", "source", "", "seo", "", "author",
					"")
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String edit = location.substring(location.indexOf("/newsroom"), location.indexOf('?'));
		client.post(edit, "version", "0", "action", "save", "headline", "Valid page, edited", "lead", "Lead.", "body",
				"<p>Text, edited</p>", "section", "world", "tags", "a", "slug", "", "source", "", "seo", "", "author",
				"");
		EmbeddedValidator validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
		validator.setNoLangDetect(true);
		for (String[] page : new String[][] { { "login", login }, { "password", password },
				{ "dashboard", client.get("/newsroom?status=DRAFT").body() },
				{ "new article", client.get("/newsroom/articles/new").body() },
				{ "editor", client.get(edit + "?done=save").body() },
				{ "history", client.get(edit + "/revisions").body() },
				{ "users", client.get("/newsroom/users").body() },
				{ "media library", client.get("/newsroom/media").body() },
				{ "authors", client.get("/newsroom/authors").body() },
				{ "an author", client.get("/newsroom/authors/daniyar-ospanov").body() },
				{ "media search", client.get("/newsroom/media?q=nothing+like+this").body() },
				{ "audit log", client.get("/newsroom/audit").body() },
				{ "widgets", client.get("/newsroom/widgets").body() },
				{ "breaking news", client.get("/newsroom/breaking").body() },
				{ "search index", client.get("/newsroom/search").body() },
				{ "distribution", client.get("/newsroom/distribution").body() } }) {
			assertThat(page[1].strip()).as("the %s page", page[0]).startsWith("<!DOCTYPE html>").contains("</main>");
			String report = validator.validate(new ByteArrayInputStream(page[1].getBytes(StandardCharsets.UTF_8)));
			assertThat(report).as("Nu HTML Checker on the %s page", page[0]).doesNotContain("error:", "fatal:");
		}
	}

}
