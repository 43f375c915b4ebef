package io.qalam.newsroom;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open which newsroom route, and how logins are protected. */
@QalamTest
class NewsroomAccessTests {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	// One of each role for the whole class (hashing passwords is slow on purpose);
	// tests that lock or disable an account make their own
	private static String reporter;

	private static String editor;

	private static String admin;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeEach
	void createUsers() {
		if (reporter == null) {
			reporter = user(Role.REPORTER);
			editor = user(Role.EDITOR);
			admin = user(Role.ADMIN);
		}
	}

	/**
	 * The role × route matrix: every newsroom route for anonymous, reporter, editor and
	 * admin. Forms are posted with a valid CSRF token, so only the role decides.
	 */
	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@CsvSource({
			// route, method, who, expected status
			"/newsroom, GET, anonymous, 302", "/newsroom, GET, reporter, 200", "/newsroom, GET, editor, 200",
			"/newsroom, GET, admin, 200", "/newsroom/password, GET, anonymous, 302",
			"/newsroom/password, GET, reporter, 200", "/newsroom/password, GET, editor, 200",
			"/newsroom/password, GET, admin, 200", "/newsroom/password, POST, anonymous, 302",
			"/newsroom/password, POST, reporter, 400", "/newsroom/password, POST, editor, 400",
			"/newsroom/password, POST, admin, 400", "/newsroom/users, GET, anonymous, 302",
			"/newsroom/users, GET, reporter, 403", "/newsroom/users, GET, editor, 403",
			"/newsroom/users, GET, admin, 200", "/newsroom/users, POST, anonymous, 302",
			"/newsroom/users, POST, reporter, 403", "/newsroom/users, POST, editor, 403",
			"/newsroom/users, POST, admin, 400", "/newsroom/users/nobody/enabled, POST, anonymous, 302",
			"/newsroom/users/nobody/enabled, POST, reporter, 403", "/newsroom/users/nobody/enabled, POST, editor, 403",
			"/newsroom/users/nobody/enabled, POST, admin, 400", "/newsroom/anything-else, GET, anonymous, 302",
			"/newsroom/anything-else, GET, reporter, 404", "/newsroom/logout, POST, anonymous, 302",
			"/newsroom/logout, POST, reporter, 302", "/newsroom/articles/new, GET, anonymous, 302",
			"/newsroom/articles/new, GET, reporter, 200", "/newsroom/articles/new, GET, editor, 200",
			"/newsroom/articles/new, GET, admin, 200", "/newsroom/articles, POST, anonymous, 302",
			"/newsroom/articles, POST, reporter, 400", "/newsroom/articles, POST, editor, 400",
			"/newsroom/articles, POST, admin, 400", "/newsroom/articles/999999999, GET, anonymous, 302",
			"/newsroom/articles/999999999, GET, reporter, 404", "/newsroom/articles/999999999, GET, editor, 404",
			"/newsroom/articles/999999999, POST, anonymous, 302", "/newsroom/articles/999999999, POST, editor, 404",
			"/newsroom/articles/999999999/presence, POST, anonymous, 302",
			"/newsroom/articles/999999999/presence, POST, reporter, 404",
			"/newsroom/articles/999999999/live, GET, anonymous, 302",
			"/newsroom/articles/999999999/live, GET, reporter, 404",
			"/newsroom/articles/999999999/live/start, POST, anonymous, 302",
			"/newsroom/articles/999999999/live/start, POST, reporter, 404",
			"/newsroom/articles/999999999/live/end, POST, anonymous, 302",
			"/newsroom/articles/999999999/live/end, POST, editor, 404",
			"/newsroom/articles/999999999/live/entries, POST, anonymous, 302",
			"/newsroom/articles/999999999/live/entries, POST, reporter, 404",
			"/newsroom/articles/999999999/live/entries/1, POST, anonymous, 302",
			"/newsroom/articles/999999999/live/entries/1, POST, editor, 404",
			"/newsroom/articles/999999999/live/entries/1/pin, POST, anonymous, 302",
			"/newsroom/articles/999999999/live/entries/1/pin, POST, editor, 404",
			"/newsroom/articles/999999999/live/entries/1/share, POST, anonymous, 302",
			"/newsroom/articles/999999999/live/entries/1/share, POST, editor, 404",
			"/newsroom/articles/999999999/revisions, GET, anonymous, 302",
			"/newsroom/articles/999999999/revisions, GET, editor, 404",
			"/newsroom/articles/999999999/translate, POST, anonymous, 302",
			"/newsroom/articles/999999999/translate, POST, editor, 404",
			"/newsroom/articles/999999999/autosave, POST, anonymous, 302",
			"/newsroom/articles/999999999/autosave, POST, reporter, 404", "/newsroom/login, GET, anonymous, 200",
			"/newsroom/articles/999999999/delete, POST, anonymous, 302",
			"/newsroom/articles/999999999/delete, POST, editor, 404",
			"/newsroom/articles/999999999/revisions/1/restore, POST, anonymous, 302",
			"/newsroom/distribution/webhooks/999999999/enabled, POST, anonymous, 302",
			"/newsroom/distribution/webhooks/999999999/enabled, POST, reporter, 403",
			"/newsroom/distribution/webhooks/999999999/enabled, POST, editor, 403",
			"/newsroom/distribution/webhooks/999999999/enabled, POST, admin, 400",
			"/newsroom/media, GET, anonymous, 302", "/newsroom/media, GET, reporter, 200",
			"/newsroom/media, GET, editor, 200", "/newsroom/media, GET, admin, 200",
			"/newsroom/media, POST, anonymous, 302", "/newsroom/media, POST, reporter, 400",
			"/newsroom/media, POST, editor, 400", "/newsroom/media, POST, admin, 400",
			"/newsroom/media/999999999, POST, anonymous, 302", "/newsroom/media/999999999, POST, reporter, 404",
			"/newsroom/media/999999999, POST, editor, 404", "/newsroom/media/999999999/focus, POST, anonymous, 302",
			"/newsroom/media/999999999/focus, POST, reporter, 404", "/newsroom/media/999999999/focus, POST, admin, 404",
			"/newsroom/authors, GET, anonymous, 302", "/newsroom/authors, GET, reporter, 403",
			"/newsroom/authors, GET, editor, 200", "/newsroom/authors, POST, reporter, 403",
			"/newsroom/authors, POST, editor, 400", "/newsroom/authors/new, GET, reporter, 403",
			"/newsroom/authors/new, GET, admin, 200", "/newsroom/authors/no-one, GET, editor, 404",
			"/newsroom/authors/no-one, POST, reporter, 403", "/newsroom/authors/no-one, POST, admin, 404",
			"/newsroom/redirects, GET, anonymous, 302", "/newsroom/redirects, GET, reporter, 403",
			"/newsroom/redirects, GET, editor, 200", "/newsroom/redirects, POST, reporter, 403",
			"/newsroom/redirects, POST, editor, 400", "/newsroom/redirects/999999999/remove, POST, anonymous, 302",
			"/newsroom/redirects/999999999/remove, POST, reporter, 403",
			"/newsroom/redirects/999999999/remove, POST, admin, 404", "/newsroom/import, GET, anonymous, 302",
			"/newsroom/import, GET, reporter, 403", "/newsroom/import, GET, editor, 403",
			"/newsroom/import, GET, admin, 200", "/newsroom/import, POST, editor, 403",
			"/newsroom/import, POST, admin, 400", "/newsroom/import/files, POST, anonymous, 302",
			"/newsroom/import/files, POST, editor, 403", "/newsroom/import/files, POST, admin, 400",
			"/newsroom/import/no-such, GET, editor, 403", "/newsroom/import/no-such, GET, admin, 404",
			"/newsroom/import/no-such/run, POST, reporter, 403", "/newsroom/import/no-such/run, POST, admin, 404",
			"/newsroom/import/no-such/report.txt, GET, editor, 403", "/newsroom/edge, GET, anonymous, 302",
			"/newsroom/edge, GET, reporter, 403", "/newsroom/edge, GET, editor, 200", "/newsroom/edge, GET, admin, 200",
			"/newsroom/export, GET, anonymous, 302", "/newsroom/export, GET, reporter, 403",
			"/newsroom/export, GET, editor, 403", "/newsroom/export, GET, admin, 200",
			"/newsroom/export, POST, editor, 403",
			"/newsroom/export/files/qalam-20260101-000000.zip, GET, anonymous, 302",
			"/newsroom/export/files/qalam-20260101-000000.zip, GET, editor, 403",
			"/newsroom/export/files/qalam-20260101-000000.zip, GET, admin, 404",
			"/newsroom/export/files/..%2Fqalam.mv.db, GET, admin, 400",
			"/newsroom/export/files/qalam-20260101-000000.zip/delete, POST, editor, 403",
			"/newsroom/export/files/qalam-20260101-000000.zip/delete, POST, admin, 404",
			"/newsroom/wire, GET, anonymous, 302", "/newsroom/wire, GET, reporter, 403",
			"/newsroom/wire, GET, editor, 200", "/newsroom/wire/999999999/draft, POST, reporter, 403",
			"/newsroom/wire/999999999/draft, POST, editor, 400", "/newsroom/wire/feeds, GET, editor, 403",
			"/newsroom/wire/feeds, GET, admin, 200", "/newsroom/wire/feeds, POST, editor, 403",
			"/newsroom/wire/feeds, POST, admin, 400", "/newsroom/wire/feeds/999999999/stop, POST, editor, 403",
			"/newsroom/wire/feeds/999999999/stop, POST, admin, 404",
			"/newsroom/wire/feeds/999999999/poll, POST, reporter, 403", "/newsroom/api-tokens, GET, anonymous, 302",
			"/newsroom/api-tokens, GET, editor, 403", "/newsroom/api-tokens, GET, admin, 200",
			"/newsroom/api-tokens, POST, editor, 403", "/newsroom/api-tokens, POST, admin, 400",
			"/newsroom/api-tokens/999999999/revoke, POST, editor, 403",
			"/newsroom/api-tokens/999999999/revoke, POST, admin, 404", "/newsroom/audit, GET, anonymous, 302",
			"/newsroom/audit, GET, reporter, 403", "/newsroom/audit, GET, editor, 403",
			"/newsroom/audit, GET, admin, 200", "/newsroom/users/nobody/role, POST, anonymous, 302",
			"/newsroom/users/nobody/role, POST, reporter, 403", "/newsroom/users/nobody/role, POST, editor, 403",
			"/newsroom/users/nobody/role, POST, admin, 400",
			"/newsroom/users/nobody/password-reset, POST, anonymous, 302",
			"/newsroom/users/nobody/password-reset, POST, reporter, 403",
			"/newsroom/users/nobody/password-reset, POST, editor, 403",
			"/newsroom/users/nobody/password-reset, POST, admin, 400", "/newsroom/widgets, GET, anonymous, 302",
			"/newsroom/widgets, GET, reporter, 403", "/newsroom/widgets, GET, editor, 200",
			"/newsroom/widgets, GET, admin, 200", "/newsroom/widgets/refresh, POST, anonymous, 302",
			"/newsroom/widgets/refresh, POST, reporter, 403", "/newsroom/widgets/refresh, POST, editor, 400",
			"/newsroom/widgets/refresh, POST, admin, 400", "/newsroom/breaking, GET, anonymous, 302",
			"/newsroom/breaking, GET, reporter, 403", "/newsroom/breaking, GET, editor, 200",
			"/newsroom/breaking, GET, admin, 200", "/newsroom/breaking, POST, anonymous, 302",
			"/newsroom/breaking, POST, reporter, 403", "/newsroom/breaking, POST, editor, 400",
			"/newsroom/breaking, POST, admin, 400", "/newsroom/breaking/clear, POST, anonymous, 302",
			"/newsroom/breaking/clear, POST, reporter, 403", "/newsroom/breaking/clear, POST, editor, 400",
			"/newsroom/breaking/clear, POST, admin, 400", "/newsroom/audience, GET, anonymous, 302",
			"/newsroom/audience, GET, reporter, 403", "/newsroom/audience, GET, editor, 200",
			"/newsroom/audience, GET, admin, 200", "/newsroom/audience/999999, GET, reporter, 403",
			"/newsroom/audience/999999, GET, editor, 404", "/newsroom/search, GET, anonymous, 302",
			"/newsroom/search, GET, reporter, 403", "/newsroom/search, GET, editor, 403",
			"/newsroom/search, GET, admin, 200", "/newsroom/search/rebuild, POST, anonymous, 302",
			"/newsroom/search/rebuild, POST, reporter, 403", "/newsroom/search/rebuild, POST, editor, 403",
			"/newsroom/distribution, GET, anonymous, 302", "/newsroom/distribution, GET, reporter, 403",
			"/newsroom/distribution, GET, editor, 200", "/newsroom/distribution, GET, admin, 200",
			"/newsroom/distribution/webhooks, POST, anonymous, 302",
			"/newsroom/distribution/webhooks, POST, reporter, 403",
			"/newsroom/distribution/webhooks, POST, editor, 403", "/newsroom/distribution/webhooks, POST, admin, 400",
			"/newsroom/distribution/telegram/en, POST, editor, 403",
			"/newsroom/distribution/telegram/en, POST, admin, 400",
			"/newsroom/distribution/posts/999999999/retry, POST, anonymous, 302",
			"/newsroom/distribution/posts/999999999/retry, POST, reporter, 403",
			"/newsroom/distribution/posts/999999999/retry, POST, editor, 404",
			"/newsroom/distribution/posts/999999999/confirm, POST, editor, 404",
			"/newsroom/distribution/deliveries/999999999/retry, POST, editor, 403",
			"/newsroom/distribution/deliveries/999999999/retry, POST, admin, 404",
			"/newsroom/distribution/webhooks/999999999/delete, POST, admin, 404",
			"/newsroom/editor/images, GET, anonymous, 302", "/newsroom/editor/images, GET, reporter, 200",
			"/newsroom/editor/images, GET, editor, 200", "/newsroom/editor/images, GET, admin, 200",
			"/newsroom/editor/images, POST, anonymous, 302", "/newsroom/editor/images, POST, reporter, 400",
			"/newsroom/editor/images, POST, admin, 400", "/newsroom/editor/embed, GET, anonymous, 302",
			"/newsroom/editor/embed, GET, reporter, 400", "/newsroom/editor/embed, GET, editor, 400",
			"/newsroom/slug, GET, anonymous, 302", "/newsroom/slug, GET, reporter, 200",
			"/newsroom/slug, GET, editor, 200", "/newsroom/slug, GET, admin, 200",
			"/newsroom/language, POST, anonymous, 302", "/newsroom/language, POST, reporter, 400",
			"/newsroom/language, POST, editor, 400", "/newsroom/language, POST, admin, 400" })
	void roleRouteMatrix(String route, String method, String who, int expected) {
		NewsroomClient client = new NewsroomClient(this.port);
		if (!who.equals("anonymous")) {
			String username = switch (who) {
				case "reporter" -> reporter;
				case "editor" -> editor;
				default -> admin;
			};
			assertThat(client.login(username, PASSWORD).headers().firstValue("Location").orElseThrow())
				.endsWith("/newsroom");
			client.get("/newsroom/password");
		}
		else {
			client.get("/newsroom/login");
		}
		// The POSTs send incomplete forms: allowed users get a 400 with a message, others
		// never get that far
		HttpResponse<String> response = method.equals("GET") ? client.get(route) : client.post(route, "enabled", "x");
		assertThat(response.statusCode()).isEqualTo(expected);
		if (expected == 302 && !route.equals("/newsroom/logout")) {
			assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/login");
		}
	}

	/** A new staff page fails this test until the matrix above says who may open it. */
	@Test
	void theMatrixCoversEveryNewsroomRoute() throws NoSuchMethodException {
		CsvSource matrix = getClass()
			.getDeclaredMethod("roleRouteMatrix", String.class, String.class, String.class, int.class)
			.getAnnotation(CsvSource.class);
		List<String> routes = Arrays.stream(matrix.value()).map((row) -> row.split(",")[0].strip()).distinct().toList();
		List<String> uncovered = new ArrayList<>();
		for (RequestMappingInfo mapping : this.mappings.getHandlerMethods().keySet()) {
			for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
				if (pattern.getPatternString().startsWith("/newsroom")
						&& routes.stream().noneMatch((route) -> pattern.matches(PathContainer.parsePath(route)))) {
					uncovered.add(pattern.getPatternString());
				}
			}
		}
		assertThat(uncovered).as("newsroom routes missing from the role × route matrix").isEmpty();
	}

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
		String username = "new" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(username, "New Colleague", Role.REPORTER, "temporary-password-1");
		// a browser that names no language logs in to the default edition's
		NewsroomClient client = new NewsroomClient(this.port).speaking(null);
		assertThat(client.login(username, "temporary-password-1").headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/password");
		assertThat(client.get("/newsroom").headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/password");
		assertThat(Jsoup.parse(client.get("/newsroom/password").body()).selectFirst(".notice").text())
			.contains("временный");
		// the rest reads English
		this.accounts.setLanguage(username, "en");

		var mismatch = client.post("/newsroom/password", "current", "temporary-password-1", "password",
				"a brand new password", "confirm", "another new password");
		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(mismatch.body()).contains("differ");
		var wrongCurrent = client.post("/newsroom/password", "current", "wrong", "password", "a brand new password",
				"confirm", "a brand new password");
		assertThat(wrongCurrent.statusCode()).isEqualTo(400);
		assertThat(wrongCurrent.body()).contains("current password is not correct");
		var tooShort = client.post("/newsroom/password", "current", "temporary-password-1", "password", "short",
				"confirm", "short");
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(tooShort.body()).contains("at least 12 characters");
		assertThat(this.accounts.mustChangePassword(username)).isTrue();

		var changed = client.post("/newsroom/password", "current", "temporary-password-1", "password",
				"a brand new password", "confirm", "a brand new password");
		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom?done=password");
		var dashboard = client.get("/newsroom?done=password");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(dashboard.body()).selectFirst(".notice").text())
			.isEqualTo("Your password has been changed.");
		assertThat(new NewsroomClient(this.port).login(username, "temporary-password-1")
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/newsroom/login?error");
	}

	@Test
	void repeatedFailuresMakeTheGuesserWaitButNeverShutTheOwnerOut() {
		String editor = user(Role.EDITOR);
		NewsroomClient attacker = new NewsroomClient(this.port).from("203.0.113.10");
		for (int i = 0; i < 3; i++) {
			assertThat(attacker.login(editor, "wrong guess " + i).headers().firstValue("Location").orElseThrow())
				.endsWith("/newsroom/login?error");
		}
		String location = attacker.login(editor, "wrong guess 4").headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/newsroom/login?error&wait=1");
		// The next attempt is refused at once, with the time to wait
		location = attacker.login(editor, "wrong guess 5").headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/newsroom/login?wait=");
		String page = attacker.get(location.substring(location.indexOf("/newsroom"))).body();
		assertThat(Jsoup.parse(page).selectFirst(".error").text())
			.matches("Too many failed attempts\\. Try again in \\d+ s\\.");
		// Five wrong passwords once locked the account for its owner too
		NewsroomClient owner = new NewsroomClient(this.port).from("198.51.100.20");
		assertThat(owner.login(editor, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
	}

	@Test
	void repeatedFailuresFromOneAddressMakeThatAddressWait() {
		NewsroomClient attacker = new NewsroomClient(this.port).from("203.0.113.77");
		for (int i = 0; i < 21; i++) {
			attacker.login("guess" + i, "wrong");
		}
		assertThat(attacker.login(reporter, PASSWORD).headers().firstValue("Location").orElseThrow()).contains("wait=");
		// the account itself is not locked for its owner elsewhere
		assertThat(new NewsroomClient(this.port).from("198.51.100.30")
			.login(reporter, PASSWORD)
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/newsroom");
	}

	@Test
	void commonAndGuessablePasswordsAreRefused() {
		String editor = user(Role.EDITOR);
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(editor, PASSWORD);
		client.get("/newsroom/password");
		for (String weak : new String[] { "aaaaaaaaaaaa", "password1234", "\u00a0".repeat(12), "qwertyuiop12",
				editor + "-stays-2026" }) {
			var refused = client.post("/newsroom/password", "current", PASSWORD, "password", weak, "confirm", weak);
			assertThat(refused.statusCode()).as(weak).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).selectFirst(".error").text()).as(weak)
				.containsAnyOf("too easy to guess", "must not contain the username");
		}
		var accepted = client.post("/newsroom/password", "current", PASSWORD, "password", "Steppe wind over Ili",
				"confirm", "Steppe wind over Ili");
		assertThat(accepted.statusCode()).isEqualTo(302);
	}

	@Test
	void wrongCurrentPasswordsOnThePasswordPageSlowTheNextTry() {
		String editor = user(Role.EDITOR);
		NewsroomClient client = new NewsroomClient(this.port).from("203.0.113.99");
		client.login(editor, PASSWORD);
		client.get("/newsroom/password");
		for (int i = 0; i < 4; i++) {
			var wrong = client.post("/newsroom/password", "current", "not it " + i, "password",
					"Steppe-wind-over-Ili-2026", "confirm", "Steppe-wind-over-Ili-2026");
			assertThat(Jsoup.parse(wrong.body()).selectFirst(".error").text())
				.isEqualTo("The current password is not correct.");
		}
		var waiting = client.post("/newsroom/password", "current", PASSWORD, "password", "Steppe-wind-over-Ili-2026",
				"confirm", "Steppe-wind-over-Ili-2026");
		assertThat(waiting.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(waiting.body()).selectFirst(".error").text()).startsWith("Too many wrong passwords.");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(admin, PASSWORD);
		var forged = client.postWithoutCsrf("/newsroom/users", "username", "intruder", "name", "Intruder", "role",
				"ADMIN", "password", "intruder-password");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.accounts.find("intruder")).isEmpty();
	}

	@Test
	void sessionCookieIsHttpOnlySameSiteAndSecureBehindHttps() {
		NewsroomClient client = new NewsroomClient(this.port);
		String cookie = client.get("/newsroom/login").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("JSESSIONID=", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		NewsroomClient https = new NewsroomClient(this.port);
		https.from("198.51.100.40");
		String secure = https.getWithProto("/newsroom/login").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(secure).contains("Secure", "HttpOnly");
	}

	@Test
	void disabledAccountsCannotLogIn() {
		String username = user(Role.EDITOR);
		this.accounts.setEnabled(username, false, admin);
		assertThat(
				new NewsroomClient(this.port).login(username, PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/login?error");
	}

	@Test
	void adminsCreateAccountsAndKeepTheFormOnErrors() {
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(admin, PASSWORD);
		client.get("/newsroom/users");
		String username = "rep" + UUID.randomUUID().toString().substring(0, 6);
		var taken = client.post("/newsroom/users", "username", reporter, "name", "Someone", "role", "EDITOR",
				"password", "temporary-password-2");
		assertThat(taken.statusCode()).isEqualTo(400);
		var page = Jsoup.parse(taken.body());
		assertThat(page.selectFirst(".error").text()).contains("is taken");
		assertThat(page.selectFirst("#new-name").attr("value")).isEqualTo("Someone");
		assertThat(page.selectFirst("#new-role option[selected]").attr("value")).isEqualTo("EDITOR");
		assertThat(page.selectFirst("#new-password").attr("value")).isEmpty();

		var created = client.post("/newsroom/users", "username", username, "name", "Reporter Two", "role", "REPORTER",
				"password", "temporary-password-2");
		assertThat(created.headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/users?created=" + username);
		assertThat(this.accounts.find(username).orElseThrow().mustChangePassword()).isTrue();

		var self = client.post("/newsroom/users/" + admin + "/enabled", "enabled", "false");
		assertThat(self.statusCode()).isEqualTo(400);
		assertThat(this.accounts.find(admin).orElseThrow().enabled()).isTrue();
	}

	@Test
	void logoutEndsTheSession() {
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(editor, PASSWORD);
		client.get("/newsroom");
		assertThat(client.post("/newsroom/logout").headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/login?logout");
		assertThat(client.get("/newsroom").statusCode()).isEqualTo(302);
	}

	private String user(Role role) {
		return TestAccounts.create(this.accounts, role);
	}

}
