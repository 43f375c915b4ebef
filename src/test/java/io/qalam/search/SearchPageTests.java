package io.qalam.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.SearchableArticles;
import io.qalam.edition.Editions;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search page of each edition over real HTTP, with the index following articles as
 * the newsroom publishes, edits and withdraws them.
 */
@QalamTest
class SearchPageTests {

	private static final Actor EDITOR = new Actor("search-editor", Role.EDITOR);

	// The index follows within a second; the benchmark measures that, tests only wait
	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	SearchIndex index;

	@Autowired
	SearchableArticles searchable;

	@Autowired
	Editions editions;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void indexReady() {
		// the index of the demo content is built in the background after start
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.index.rebuildState().running() && this.index.pending() == 0);
	}

	@ParameterizedTest(name = "{0}: \"{2}\" finds \"{1}\"")
	@CsvSource({ "ru, Выборы в городах прошли спокойно, городами, городах",
			"kk, Қалалардағы сайлау тыныш өтті, қаласында, Қалалардағы",
			"kk, Қазақстанның үкіметі жаңа заң қабылдады, казакстанда укиметке, Қазақстанның",
			"en, Elections in the cities passed calmly, city, cities" })
	void anotherFormOfAWordFindsTheArticleWithTheWordMarked(String edition, String headline, String query,
			String marked) {
		String tag = tag();
		long id = publish(edition, headline + " " + tag, "<p>More about it.</p>");
		String path = this.searchable.find(id).orElseThrow().path();

		Element hit = awaitHit(edition, query + " " + tag, path);
		assertThat(hit.select("h2 mark").eachText()).contains(marked, tag);
		assertThat(hit.selectFirst("h2 a").text()).isEqualTo(headline + " " + tag);
	}

	@Test
	void searchPagesAreNotIndexedButDescribeThemselves() {
		WebClient web = new WebClient(this.port);
		for (String edition : List.of("ru", "kk", "en")) {
			var page = org.jsoup.Jsoup.parse(web.get("/" + edition + "/search?q=test").body());
			assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
			assertThat(page.selectFirst("meta[name=description]").attr("content")).as(edition).contains("Qalam");
		}
	}

	@Test
	void theSnippetMarksTheWordsFoundInTheBody() {
		String tag = tag();
		long id = publish("en", "Budget news " + tag,
				"<p>The council met on Monday. After a long debate the councillors approved the " + tag
						+ " budget for schools. Nothing else was decided.</p>");
		String path = this.searchable.find(id).orElseThrow().path();
		Element hit = awaitHit("en", "approve " + tag, path);
		assertThat(hit.select(".search-snippet mark").eachText()).containsExactly("approved", tag);
		assertThat(hit.selectFirst(".search-snippet").text()).contains("councillors approved the " + tag);
	}

	@Test
	void filtersBySectionAndDateAndOrdersByRelevanceOrDate() {
		String tag = tag();
		var march1 = article(this.context).in("en")
			.section("world")
			.headline("First report")
			.body("<p>Mentions " + tag + " once.</p>")
			.publishedAt(Instant.parse("2024-03-01T06:00:00Z"))
			.create();
		var march10 = article(this.context).in("en")
			.section("economy")
			.headline("All about " + tag)
			.lead("The " + tag + " story.")
			.body("<p>" + tag + " and " + tag + ".</p>")
			.publishedAt(Instant.parse("2024-03-10T06:00:00Z"))
			.create();
		var march20 = article(this.context).in("en")
			.section("world")
			.headline("Third report")
			.body("<p>Also mentions " + tag + ".</p>")
			.publishedAt(Instant.parse("2024-03-20T06:00:00Z"))
			.create();
		// written straight into the database, without events: the check picks them up
		waitFor(this.index.check());

		assertThat(paths("/en/search?q=" + tag)).containsExactly(march10.path(), march20.path(), march1.path());
		assertThat(paths("/en/search?sort=date&q=" + tag)).containsExactly(march20.path(), march10.path(),
				march1.path());
		assertThat(paths("/en/search?section=world&q=" + tag)).containsExactlyInAnyOrder(march1.path(), march20.path());
		assertThat(paths("/en/search?from=2024-03-05&to=2024-03-15&q=" + tag)).containsExactly(march10.path());
		// the end date counts whole (Almaty days)
		assertThat(paths("/en/search?to=2024-03-10&sort=date&q=" + tag)).containsExactly(march10.path(), march1.path());
		assertThat(paths("/en/search?from=2024-03-21&q=" + tag)).isEmpty();
	}

	@Test
	void resultsArePaged() {
		String tag = tag();
		for (int i = 0; i < 12; i++) {
			article(this.context).in("ru")
				.headline("Новость номер " + i + " " + tag)
				.publishedAt(Instant.parse("2025-01-01T06:00:00Z").plus(Duration.ofHours(i)))
				.create();
		}
		waitFor(this.index.check());
		Document first = page("/ru/search?sort=date&q=" + tag);
		assertThat(first.select(".search-hit")).hasSize(10);
		assertThat(first.selectFirst(".search-count").text()).contains("12");
		assertThat(first.selectFirst(".pagination [aria-current]").text()).isEqualTo("1 / 2");
		String next = first.selectFirst(".pagination a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/ru/search?q=" + tag + "&sort=date&page=2");
		Document second = page(next);
		assertThat(second.select(".search-hit")).hasSize(2);
		assertThat(second.selectFirst(".search-hit h2").text()).isEqualTo("Новость номер 1 " + tag);
		// past the end: the last page; no number: the first
		assertThat(page("/ru/search?sort=date&page=99&q=" + tag).select(".search-hit")).hasSize(2);
		assertThat(page("/ru/search?sort=date&page=x&q=" + tag).select(".search-hit")).hasSize(10);
	}

	@Test
	void hostileQueriesAreSearchedAsWordsAndNeverFail() {
		List<String> queries = List.of("\"", "\"unclosed phrase", "(", ")", "[a TO z]", "{x}", "*", "?", "a*b?",
				"title:news", "news AND", "OR", "NOT news", "news~2", "news^100", "/regex.*/", "\\", "+-!&&||",
				"<script>alert(1)</script>", "' OR 1=1 --", "%00", "\u0000", "😀", "ٴ", "ـــ", " ".repeat(50),
				"word ".repeat(39) + "word");
		WebClient web = new WebClient(this.port);
		for (String query : queries) {
			var response = web.get("/en/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(query).isEqualTo(200);
			assertThat(response.body()).as(query).doesNotContain("<script>alert");
			assertThat(Jsoup.parse(response.body()).selectFirst("#search-q")).as(query).isNotNull();
		}
		var huge = web.get("/en/search?q=" + "x".repeat(6_000));
		assertThat(huge.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(huge.body()).selectFirst("[role=status]").text()).contains("too long");
		// beyond the server's 8 KB request line, Tomcat itself refuses the request
		assertThat(web.get("/en/search?q=" + "x".repeat(20_000)).statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(web.get("/en/search?q=").body()).select(".search-hit")).isEmpty();
		// the headline search form of every page leads here
		assertThat(Jsoup.parse(web.get("/kk/").body()).selectFirst("form.masthead-search").attr("action"))
			.isEqualTo("/kk/search");
	}

	@Test
	void filtersThatCannotBeUnderstoodAreNamed() {
		WebClient web = new WebClient(this.port);
		var response = web.get("/en/search?q=news&section=..%2F..%2Fetc&from=2024-13-45&to=yesterday&sort=drop");
		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".form-error li").eachText()).containsExactly(
				"There is no such section; choose one from the list.",
				"The start date is not a date; use the form YYYY-MM-DD.",
				"The end date is not a date; use the form YYYY-MM-DD.",
				"Results can be ordered by best match or by date only.");
		assertThat(page.select(".search-hit")).isEmpty();
		var reversed = web.get("/en/search?q=news&from=2024-03-10&to=2024-03-01");
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.body()).contains("The start date is after the end date.");
		assertThat(web.get("/xx/search?q=news").statusCode()).isEqualTo(404);
	}

	@Test
	void theIndexFollowsPublishUpdateAndUnpublish() {
		String tag = tag();
		String later = tag();
		long id = publish("en", "Bridge opens " + tag, "<p>The new bridge.</p>");
		String path = this.searchable.find(id).orElseThrow().path();
		awaitHit("en", tag, path);

		int version = this.workflow.find(id).orElseThrow().version();
		this.workflow.save(EDITOR, id, version, new Draft("Bridge opens " + later, "Lead.", "<p>The new bridge.</p>",
				"world", List.of(), "", null, null, null));
		awaitHit("en", later, path);
		assertThat(paths("/en/search?q=" + tag)).isEmpty();

		this.workflow.unpublish(EDITOR, id, version + 1);
		await().atMost(WAIT).until(() -> paths("/en/search?q=" + later).isEmpty());
	}

	@Test
	void embargoedScheduledAndFutureArticlesAreNeverFound() {
		String tag = tag();
		long embargoed = draft("en", "Embargoed " + tag, "<p>Secret.</p>");
		int version = this.workflow.embargo(EDITOR, embargoed, 0, Instant.now().plus(Duration.ofHours(2)));
		this.workflow.publish(EDITOR, embargoed, version);
		long scheduled = draft("en", "Scheduled " + tag, "<p>Later.</p>");
		this.workflow.schedule(EDITOR, scheduled, 0, Instant.now().plus(Duration.ofHours(2)));
		draft("en", "Draft " + tag, "<p>Unfinished.</p>");
		article(this.context).in("en").headline("Future " + tag).publishedIn(Duration.ofHours(2)).create();
		// a visible one, to know the index has caught up with all of the above
		long visible = publish("en", "Visible " + tag, "<p>Out.</p>");
		waitFor(this.index.check());
		awaitHit("en", tag, this.searchable.find(visible).orElseThrow().path());
		assertThat(paths("/en/search?q=" + tag)).hasSize(1);
	}

	@Test
	void aRebuildFromTheNewsroomGivesTheSameIndexAsTheDatabase() {
		String tag = tag();
		long id = publish("kk", "Жаңа мектеп ашылды " + tag, "<p>Мектепте оқушылар көп.</p>");
		String path = this.searchable.find(id).orElseThrow().path();
		awaitHit("kk", tag, path);

		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		NewsroomTestLogin login = NewsroomTestLogin.as(this.port, admin);
		assertThat(login.get("/newsroom/search")).contains("Rebuild the index");
		var started = login.post("/newsroom/search/rebuild");
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/search");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> login.get("/newsroom/search").contains("Last rebuild finished"));

		for (var edition : this.editions.all()) {
			assertThat(this.index.sizes().get(edition.code())).as(edition.code())
				.isEqualTo(this.searchable.count(edition.code()));
		}
		assertThat(paths("/kk/search?q=мектептер+" + tag)).containsExactly(path);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :admin AND action = 'SEARCH_INDEX_REBUILT'")
					.param("admin", admin)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	private long draft(String edition, String headline, String body) {
		return this.workflow.createDraft(EDITOR, edition,
				new Draft(headline, "A lead.", body, "world", List.of(), "", null, null, null));
	}

	private long publish(String edition, String headline, String body) {
		long id = draft(edition, headline, body);
		this.workflow.publish(EDITOR, id, 0);
		return id;
	}

	private Element awaitHit(String edition, String query, String path) {
		String address = "/" + edition + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
		await().atMost(WAIT).until(() -> paths(address).contains(path));
		return page(address).select(".search-hit")
			.stream()
			.filter((hit) -> hit.selectFirst("h2 a").attr("href").equals(path))
			.findFirst()
			.orElseThrow();
	}

	private List<String> paths(String address) {
		return page(address).select(".search-hit h2 a").eachAttr("href");
	}

	private Document page(String address) {
		var response = new WebClient(this.port).get(address);
		assertThat(response.statusCode()).as(address).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static void waitFor(java.util.concurrent.Future<?> task) {
		try {
			task.get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// A word no other article has, so that tests sharing the application stay apart
	private static String tag() {
		return "qx" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
	}

}
