package io.qalam.newsroom;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom in the journalists' languages: the first screens before login in the
 * browser's language, each account in its own, and no English left on a Russian or Kazakh
 * page.
 */
@QalamTest
class NewsroomLanguageTests {

	/** Every page of an administrator's newsroom, the forms included. */
	private static final List<String> PAGES = List.of("/newsroom", "/newsroom/articles/new", "/newsroom/media",
			"/newsroom/users", "/newsroom/audit", "/newsroom/password", "/newsroom/widgets", "/newsroom/distribution",
			"/newsroom/search", "/newsroom/authors", "/newsroom/authors/new", "/newsroom/authors/daniyar-ospanov",
			"/newsroom/no-such-page", "/newsroom/import", "/newsroom/export", "/newsroom/edge", "/newsroom/wire",
			"/newsroom/wire/feeds", "/newsroom/api-tokens");

	// Latin words that are names, not English: they read the same on every page
	private static final Set<String> NAMES = Set.of("Qalam", "Telegram", "HMAC", "SHA256", "JSON", "POST", "BotFather",
			"QALAM_TELEGRAM_TOKEN_RU", "JPEG", "PNG", "WebP", "English", "API", "WordPress", "RSS", "Atom", "Polylang",
			"zip", "xml", "iOS", "Authorization", "Bearer", "https", "http", "PostgreSQL", "README", "Varnish", "CDN",
			"QALAM_EDGE_VARNISH", "QALAM_EDGE_PURGE_URL",
			/* WordPress's folder wp-content/uploads */ "content", "uploads",
			"admin" /* the first account */);

	private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z][A-Za-z_]{2,}\\b");

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@ParameterizedTest(name = "Accept-Language: {0} -> {1}")
	@CsvSource(delimiter = '|', value = { "kk-KZ,kk;q=0.9,ru;q=0.8|kk", "ru-RU,ru;q=0.9,en;q=0.5|ru",
			"en-GB,en;q=0.9|en", "de-DE,de;q=0.9,kk;q=0.4|kk", "de-DE,de;q=0.9|ru", "fr|ru", "''|ru", "*;;;q=oops|ru" })
	void beforeLoginTheNewsroomSpeaksTheBrowsersLanguage(String acceptLanguage, String expected) {
		NewsroomClient client = new NewsroomClient(this.port)
			.speaking(acceptLanguage.isEmpty() ? null : acceptLanguage);
		HttpResponse<String> login = client.get("/newsroom/login");
		assertThat(login.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(login.body());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo(expected);
		assertThat(page.selectFirst("button[type=submit]").text()).isEqualTo(switch (expected) {
			case "ru" -> "Войти";
			case "kk" -> "Кіру";
			default -> "Log in";
		});
	}

	@Test
	void anAccountKeepsTheLanguageItFirstLoggedInWithUntilItChooses() {
		String reporter = neverChose(TestAccounts.create(this.accounts, Role.REPORTER));
		NewsroomClient kazakh = new NewsroomClient(this.port).speaking("kk-KZ,kk;q=0.9,ru;q=0.8");
		kazakh.login(reporter, TestAccounts.PASSWORD);
		assertThat(Jsoup.parse(kazakh.get("/newsroom").body()).selectFirst("html").attr("lang")).isEqualTo("kk");
		// from a Russian browser later: still the account's Kazakh
		NewsroomClient russian = new NewsroomClient(this.port).speaking("ru");
		russian.login(reporter, TestAccounts.PASSWORD);
		assertThat(Jsoup.parse(russian.get("/newsroom").body()).selectFirst("html").attr("lang")).isEqualTo("kk");
		// a browser naming none of ours: the default edition's
		String other = neverChose(TestAccounts.create(this.accounts, Role.REPORTER));
		NewsroomClient german = new NewsroomClient(this.port).speaking("de");
		german.login(other, TestAccounts.PASSWORD);
		assertThat(Jsoup.parse(german.get("/newsroom").body()).selectFirst("html").attr("lang")).isEqualTo("ru");
	}

	private String neverChose(String username) {
		this.jdbc.sql("UPDATE users SET language = NULL WHERE username = :u").param("u", username).update();
		return username;
	}

	@Test
	void theFirstScreensAreStyledWithoutASession() {
		NewsroomClient stranger = new NewsroomClient(this.port).speaking("kk");
		Document login = Jsoup.parse(stranger.get("/newsroom/login").body());
		Element stylesheet = login.selectFirst("link[rel=stylesheet]");
		assertThat(stylesheet).isNotNull();
		HttpResponse<String> css = new NewsroomClient(this.port).get(stylesheet.attr("href"));
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(css.body()).contains(".card");

		// a failed login answers in the same language, on the same styled page
		HttpResponse<String> failed = stranger.post("/newsroom/login", "username", "nobody", "password", "wrong");
		Document again = Jsoup.parse(
				stranger.get(failed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
					.body());
		assertThat(again.selectFirst("html").attr("lang")).isEqualTo("kk");
		assertThat(again.selectFirst(".error").text()).containsPattern("\\p{IsCyrillic}");
		assertThat(again.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo(stylesheet.attr("href"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk" })
	void aRussianOrKazakhNewsroomShowsNoEnglish(String language) {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		this.accounts.setLanguage(admin, language);
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(admin, TestAccounts.PASSWORD);
		List<String> english = new ArrayList<>();
		for (String path : PAGES) {
			HttpResponse<String> response = client.get(path);
			assertThat(response.statusCode()).as(path).isIn(200, 404);
			Document page = Jsoup.parse(response.body());
			assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo(language);
			// what the other editions offer a new article, and their captions of an
			// image, are their data, in their language; accounts' and tokens' names are
			// their own
			page.select("template.edition-choices, .tag-suggestion, .other-caption, option.account, .token-name")
				.remove();
			// the newsroom's own words: headings, labels, buttons, table heads, hints,
			// notices, options and what assistive technology reads out
			for (Element element : page.select("title, h1, h2, h3, label, button, th, legend, caption, summary, "
					+ ".hint, .notice, .error, option, nav a, .bar a, p:not(td p), dt")) {
				words(path, element.ownText(), english);
			}
			for (Element element : page.select("[placeholder], [aria-label], [title]")) {
				words(path,
						element.attr("placeholder") + " " + element.attr("aria-label") + " " + element.attr("title"),
						english);
			}
		}
		assertThat(english).as("English words on the %s pages", language).isEmpty();
	}

	@Test
	void statesRolesAndDatesReadAsTheNewsroomSaysThem() {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		this.accounts.setLanguage(admin, "ru");
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(admin, TestAccounts.PASSWORD);
		Document users = Jsoup.parse(client.get("/newsroom/users").body());
		assertThat(users.select("select[name=role] option").eachText()).contains("Корреспондент", "Редактор",
				"Администратор");
		Document audit = Jsoup.parse(client.get("/newsroom/audit").body());
		// the login just now, in Almaty time with the month's Russian name
		assertThat(audit.selectFirst("table.audit tbody tr").text()).containsPattern(
				"\\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \\d{4}, \\d{2}:\\d{2}");
	}

	@Test
	void theLanguageChosenStaysWithTheAccount() {
		String reporter = TestAccounts.create(this.accounts, Role.REPORTER);
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(reporter, TestAccounts.PASSWORD);
		client.get("/newsroom/media");
		HttpResponse<String> chosen = client.post("/newsroom/language", "language", "kk", "back", "/newsroom/media");
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(chosen.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/media");
		Document media = Jsoup.parse(client.get("/newsroom/media").body());
		assertThat(media.selectFirst("html").attr("lang")).isEqualTo("kk");
		assertThat(media.selectFirst("h1").text()).isEqualTo("Медиа қоры");

		// a new session, from an English browser, keeps the account's choice
		NewsroomClient later = new NewsroomClient(this.port).speaking("en");
		later.login(reporter, TestAccounts.PASSWORD);
		assertThat(Jsoup.parse(later.get("/newsroom").body()).selectFirst("html").attr("lang")).isEqualTo("kk");

		// the way back stays inside the newsroom; a language not offered changes nothing
		assertThat(later.post("/newsroom/language", "language", "ru", "back", "https://example.com/")
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/newsroom");
		later.get("/newsroom");
		HttpResponse<String> refused = later.post("/newsroom/language", "language", "de", "back", "/newsroom");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("html").attr("lang")).isEqualTo("ru");
		assertThat(this.accounts.find(reporter).orElseThrow().language()).isEqualTo("ru");
	}

	@Test
	void errorPagesOfTheNewsroomHaveItsLookAndLanguage() {
		String reporter = TestAccounts.create(this.accounts, Role.REPORTER);
		this.accounts.setLanguage(reporter, "kk");
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(reporter, TestAccounts.PASSWORD);
		HttpResponse<String> missing = client.get("/newsroom/no-such-page");
		assertThat(missing.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(missing.body());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("kk");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Бет табылмады");
		assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).startsWith("/newsroom/newsroom");
		assertThat(missing.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

		HttpResponse<String> forbidden = client.get("/newsroom/users");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(forbidden.body()).selectFirst("h1").text()).isEqualTo("Сіздің рөліңізге қолжетімсіз");
	}

	private static void words(String path, String text, List<String> into) {
		// addresses (placeholders like https://t.me/channel/123) are not words
		Matcher matcher = LATIN_WORD.matcher(text.replaceAll("https?://\\S+", ""));
		while (matcher.find()) {
			if (!NAMES.contains(matcher.group())) {
				into.add(path + ": " + matcher.group() + " in «" + text.strip() + "»");
			}
		}
	}

}
