package io.qalam.site;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.qalam.QalamTest;
import io.qalam.Varnish;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticlePaths;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Varnish with the shipped VCL in front of Qalam: pages are kept at the edge until
 * a change purges them by key — after a publish, an edit and an unpublish the next
 * request through Varnish shows the change once the purge is in (within 10 s), and a page
 * the change does not touch stays a hit. Skipped where Varnish is not installed.
 */
@QalamTest
class EdgeCacheVarnishTests {

	private static final Actor EDITOR = new Actor("edge-editor", Role.EDITOR);

	private static final int VARNISH_PORT = Varnish.freePort();

	private static Varnish varnish;

	// stand-ins for the National Bank and Open-Meteo, their answers set by each test
	private static final MockWebServer UPSTREAM = new MockWebServer();

	private static final AtomicReference<String> USD = new AtomicReference<>("512.34");

	private static final AtomicReference<String> TEMPERATURE = new AtomicReference<>("-3.2");

	static {
		UPSTREAM.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse().setResponseCode(200)
					.setBody(request.getPath().startsWith("/rss/") ? rates() : weather());
			}
		});
		try {
			UPSTREAM.start();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	ArticlePaths paths;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.qalam.accounts.UserAccounts accounts;

	@Autowired
	org.springframework.modulith.events.IncompleteEventPublications incomplete;

	@Autowired
	io.qalam.widgets.BreakingNews breaking;

	@Autowired
	io.qalam.widgets.WidgetStatus widgets;

	@DynamicPropertySource
	static void edge(DynamicPropertyRegistry registry) {
		registry.add("qalam.edge.varnish", () -> "http://127.0.0.1:" + VARNISH_PORT);
		registry.add("qalam.edge.repurge-after", () -> "1s");
		registry.add("qalam.widgets.rates.url", () -> UPSTREAM.url("/").toString());
		registry.add("qalam.widgets.weather.url", () -> UPSTREAM.url("/").toString());
	}

	@BeforeEach
	void varnish() throws Exception {
		Assumptions.assumeTrue(Varnish.installed(),
				"Varnish with varnish-modules is not installed (apt-get install varnish varnish-modules)");
		if (varnish == null) {
			varnish = Varnish.start(VARNISH_PORT, this.port);
			// the purges of the start (the demo content) failed, Varnish being away: sent
			// now, not by the registry's redelivery in the middle of a test
			this.incomplete.resubmitIncompletePublications((publication) -> true);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc
					.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
							+ " AND listener_id LIKE '%EdgePurges%'")
					.query(Long.class)
					.single() == 0);
			// and their second purges, a second later
			Thread.sleep(1500);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		UPSTREAM.shutdown();
		if (varnish != null) {
			varnish.close();
			varnish = null;
		}
	}

	@Test
	void aChangeIsPurgedAtTheEdgeAndNothingElse() {
		String tag = "edge-" + unique();
		long id = publish("Edge story " + unique(), tag);
		String article = path(id);
		String tagPage = "/en/tag/" + tag;

		// kept at the edge (once the publish's purges, the second one included, are in)
		for (String page : List.of(article, tagPage, "/en/", "/ru/")) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "hit".equals(edge(page).headers().firstValue("X-Edge-Cache").orElse("")));
		}
		// readers see Qalam's own headers only
		assertThat(edge(article).headers().firstValue("Surrogate-Key")).isEmpty();

		// an edit: the article's page shows it at the edge
		String edited = "Edge story, edited " + unique();
		this.workflow.save(EDITOR, id, this.workflow.find(id).orElseThrow().version(),
				new Draft(edited, "A lead.", "<p>Text.</p>", "economy", List.of(tag), "", null, null, null));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Jsoup.parse(edge(article).body()).selectFirst("h1").text().equals(edited));
		// another edition's home does not show it: kept all along
		assertThat(edge("/ru/").headers().firstValue("X-Edge-Cache")).hasValue("hit");

		// a publish: the edition's home lists it
		String headline = "Edge arrival " + unique();
		long arrived = publish(headline, tag);
		await().atMost(Duration.ofSeconds(10)).until(() -> edge("/en/").body().contains(headline));
		assertThat(edge(tagPage).body()).contains(headline);
		assertThat(edge("/ru/").headers().firstValue("X-Edge-Cache")).hasValue("hit");

		// an unpublish: gone from the edge too
		this.workflow.unpublish(EDITOR, arrived, this.workflow.find(arrived).orElseThrow().version());
		await().atMost(Duration.ofSeconds(10)).until(() -> !edge("/en/").body().contains(headline));
		String arrivedPath = path(arrived);
		await().atMost(Duration.ofSeconds(10)).until(() -> edge(arrivedPath).statusCode() != 200);
		assertThat(edge("/ru/").headers().firstValue("X-Edge-Cache")).hasValue("hit");
	}

	@Test
	void aBreakingNewsBannerReachesThePagesTheEdgeKeeps() {
		String page = "/kk/";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "hit".equals(edge(page).headers().firstValue("X-Edge-Cache").orElse("")));
		String text = "Жер сілкінісі " + unique();
		this.breaking.set("edge-editor", "kk", text, null, "127.0.0.1");
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> edge(page).body().contains(text));
			// the edge put the banner's new fragment into the page it kept
			assertThat(edge(page).headers().firstValue("X-Edge-Cache")).hasValue("hit");
		}
		finally {
			this.breaking.clear("edge-editor", "kk", "127.0.0.1");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !edge(page).body().contains(text));
	}

	@Test
	void newRatesAndWeatherPurgeTheirFragmentsNotThePages() {
		List<String> pages = List.of("/ru/", "/kk/section/kazakhstan", "/en/");
		refresh("rates", "512.34", "512,34");
		refresh("weather", "−3\u00a0°C", "−3\u00a0°C");
		for (String page : pages) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "hit".equals(edge(page).headers().firstValue("X-Edge-Cache").orElse("")));
			// assembled at the edge: no include left, the slot's own validators not
			// claimed
			assertThat(edge(page).body()).as(page).doesNotContain("esi:include").contains("data-slot=\"rates\"");
			assertThat(edge(page).headers().firstValue("ETag")).as(page).isEmpty();
		}

		USD.set("514.07");
		refresh("rates", "514.07", "514,07");
		TEMPERATURE.set("-7.6");
		refresh("weather", "−8\u00a0°C", "−8\u00a0°C");
		for (String page : pages) {
			assertThat(edge(page).headers().firstValue("X-Edge-Cache")).as(page).hasValue("hit");
		}
	}

	@Test
	void theWeatherPageShowsTheCityTheReaderChoseThroughTheEdge() {
		HttpResponse<String> chosen = varnish.web().get("/ru/weather", "Cookie", "qalam_city=astana");
		assertThat(Jsoup.parse(chosen.body()).selectFirst(".data-table tbody tr.chosen th").text()).isEqualTo("Астана");
		assertThat(varnish.web().get("/ru/weather", "Cookie", "qalam_city=shymkent").body()).contains("Шымкент");
		assertThat(Jsoup.parse(varnish.web().get("/ru/weather", "Cookie", "qalam_city=shymkent").body())
			.selectFirst(".data-table tbody tr.chosen th")
			.text()).isEqualTo("Шымкент");
	}

	// a refresh of one source, then the edge's pages show its value in each edition's way
	private void refresh(String source, String english, String kazakh) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.widgets.refreshNow(source));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(edge("/en/").body()).contains(english);
			assertThat(edge("/kk/section/kazakhstan").body()).contains(kazakh);
			assertThat(edge("/ru/").body()).contains(kazakh);
		});
	}

	private static String rates() {
		return io.qalam.widgets.TestFixtures.rates()
			.replace("512.34", USD.get())
			.replace("27.11.26", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
				.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yy")));
	}

	private static String weather() {
		return io.qalam.widgets.TestFixtures.weather(TEMPERATURE.get());
	}

	@Test
	void editorsSeeTheEdgeTakingThePurges() {
		publish("Seen by the edge page " + unique(), "edge-page");
		for (String language : new String[] { "ru", "kk", "en" }) {
			String username = io.qalam.newsroom.TestAccounts.create(this.accounts, Role.EDITOR);
			this.accounts.setLanguage(username, language);
			org.openqa.selenium.WebDriver browser = io.qalam.Chromium.start();
			try {
				io.qalam.Chromium.logIn(browser, this.port, username);
				await().atMost(Duration.ofSeconds(10)).until(() -> {
					browser.get("http://localhost:" + this.port + "/newsroom/edge");
					return browser.findElements(org.openqa.selenium.By.cssSelector("dd"))
						.stream()
						.anyMatch((dd) -> dd.getText().matches(".*\\d{2}:\\d{2}.*"));
				});
				assertThat(browser.findElement(org.openqa.selenium.By.cssSelector("main h2")).getText())
					.contains("127.0.0.1:" + VARNISH_PORT);
				io.qalam.Chromium.shotsAtBothWidths(browser, "newsroom-edge-" + language);
			}
			finally {
				browser.quit();
			}
		}
	}

	private HttpResponse<String> edge(String path) {
		return varnish.web().get(path);
	}

	private long publish(String headline, String tag) {
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", "economy", List.of(tag), "", null, null, null));
		this.workflow.publish(EDITOR, id, 0);
		return id;
	}

	private String path(long id) {
		return this.jdbc.sql("SELECT slug, published_at FROM articles WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> this.paths.path("en", rs.getObject("published_at", OffsetDateTime.class).toInstant(),
					rs.getString("slug")))
			.single();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
