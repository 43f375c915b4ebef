package io.qalam.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.Actor;
import io.qalam.content.ArticlePaths;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.EditableArticle;
import io.qalam.accounts.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page cache through real HTTP on the whole application: a page is rendered once and
 * then served as kept (with no statement, see {@link StatementCountTests}), answered 304
 * when the reader's copy is current, compressed only for readers who accept it, and
 * evicted by a publication, an edit or an unpublication exactly where the article shows —
 * every other kept page is still served from the cache.
 */
@QalamTest
class PageCacheTests {

	private static final Actor EDITOR = new Actor("cache-editor", Role.EDITOR);

	@LocalServerPort
	int port;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	PageCache cache;

	@Autowired
	WebServerApplicationContext server;

	@Autowired
	PageEviction eviction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticlePaths paths;

	private WebClient web;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		this.web = new WebClient(this.port);
	}

	@Test
	void aPageIsRenderedOnceThenServedFromTheCache() {
		String path = publish("economy", "Kept once " + unique(), List.of()).path();
		var first = this.web.get(path);
		var second = this.web.get(path);
		assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
		assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).isPresent();
		assertThat(second.headers().firstValue("Last-Modified")).isPresent();
		assertThat(second.headers().firstValue("Vary")).hasValue("Accept-Encoding");
		// what security added to the first answer is kept with the page
		for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "Cache-Control",
				"Surrogate-Key", "Content-Type")) {
			assertThat(second.headers().allValues(header)).as(header).isEqualTo(first.headers().allValues(header));
		}
		assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
		// the widgets are filled in, never left as placeholders
		assertThat(second.body()).contains("data-slot=\"rates\"", "data-slot=\"weather\"").doesNotContain("<!--slot:");
	}

	@Test
	void aPageAndItsHeadersFitTheSocketsWriteBuffer() throws Exception {
		// one system call per answer (see PageCacheConfiguration), for a page as long as
		// the demo's longest
		var tomcat = (TomcatWebServer) this.server.getWebServer();
		assertThat(tomcat.getTomcat().getConnector().getProperty("socket.appWriteBufSize"))
			.hasToString(Integer.toString(PageCacheConfiguration.WRITE_BUFFER));
		String longest = this.jdbc
			.sql("SELECT a.id FROM articles a JOIN article_bodies b ON b.article_id = a.id"
					+ " WHERE a.status = 'PUBLISHED' AND a.published_at <= CURRENT_TIMESTAMP"
					+ " ORDER BY LENGTH(b.body_html) DESC LIMIT 1")
			.query((rs, n) -> rs.getLong(1))
			.optional()
			.map((id) -> this.jdbc.sql("SELECT edition, slug, published_at FROM articles WHERE id = :id")
				.param("id", id)
				.query((rs, n) -> this.paths.path(rs.getString("edition"),
						rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("slug")))
				.single())
			.orElseThrow();
		HttpResponse<byte[]> page = bytes(longest, "Accept-Encoding", "identity");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body().length + 2048).isLessThan(PageCacheConfiguration.WRITE_BUFFER);
	}

	@Test
	void aCurrentCopyIsAnswered304() throws Exception {
		String path = publish("economy", "Not modified " + unique(), List.of()).path();
		var first = this.web.get(path);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

		var byTag = this.web.get(path, "If-None-Match", etag);
		assertThat(byTag.statusCode()).isEqualTo(304);
		assertThat(byTag.body()).isEmpty();
		assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
		assertThat(byTag.headers().firstValue("Cache-Control")).isPresent();
		assertThat(this.web.get(path, "If-None-Match", "W/" + etag + ", \"other\"").statusCode()).isEqualTo(304);
		assertThat(this.web.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
		// If-None-Match wins over If-Modified-Since
		assertThat(this.web.get(path, "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode())
			.isEqualTo(200);
		// (a copy stamped in a second that saw a change is stamped again a second later)
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			String stamp = this.web.get(path).headers().firstValue("Last-Modified").orElseThrow();
			return this.web.get(path, "If-Modified-Since", stamp).statusCode() == 304;
		});
		assertThat(this.web.get(path, "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode())
			.isEqualTo(200);
		assertThat(this.web.get(path, "If-Modified-Since", "yesterday").statusCode()).isEqualTo(200);
	}

	@Test
	void gzipGoesOnlyToReadersWhoAcceptIt() throws Exception {
		String path = publish("economy", "Compressed " + unique(), List.of()).path();
		String plain = this.web.get(path).body();

		HttpResponse<byte[]> gzipped = bytes(path, "Accept-Encoding", "br, gzip;q=0.8");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.body().length).isLessThan(plain.getBytes(StandardCharsets.UTF_8).length / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
		String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(gzipTag).isNotEqualTo(this.web.get(path).headers().firstValue("ETag").orElseThrow());
		assertThat(this.web.get(path, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode()).isEqualTo(304);

		for (String refused : List.of("gzip;q=0", "identity", "br, deflate", "*;q=0")) {
			HttpResponse<byte[]> identity = bytes(path, "Accept-Encoding", refused);
			assertThat(identity.headers().firstValue("Content-Encoding")).as(refused).isEmpty();
			assertThat(new String(identity.body(), StandardCharsets.UTF_8)).as(refused).isEqualTo(plain);
		}
		assertThat(PageCacheFilter.acceptsGzip("*")).isTrue();
		assertThat(PageCacheFilter.acceptsGzip("GZIP ; q=0.5")).isTrue();
		assertThat(PageCacheFilter.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(PageCacheFilter.acceptsGzip(null)).isFalse();
	}

	@Test
	void aHeadRequestGetsTheHeadersOnly() throws Exception {
		String path = publish("economy", "Head " + unique(), List.of()).path();
		var get = this.web.get(path);
		HttpResponse<byte[]> head = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.method("HEAD", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(head.headers().firstValue("Content-Length"))
			.hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
	}

	@Test
	void publishUpdateAndUnpublishEvictExactlyThePagesThatShowTheArticle() {
		String tagA = "cache-a-" + unique();
		String tagB = "cache-b-" + unique();
		Published a = publish("economy", "Economy story " + unique(), List.of(tagA));
		Published b = publish("sport", "Sport story " + unique(), List.of(tagB));
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/en/");
		pages.put("article A (economy)", a.path());
		pages.put("article B (sport)", b.path());
		pages.put("economy", "/en/section/economy");
		pages.put("sport", "/en/section/sport");
		pages.put("tag A", tagPath(a.path()));
		pages.put("tag B", tagPath(b.path()));
		pages.put("feed", "/en/rss.xml");
		pages.put("economy feed", "/en/section/economy/rss.xml");
		pages.put("sport feed", "/en/section/sport/rss.xml");
		pages.put("sitemap", "/sitemap.xml");
		pages.put("russian home", "/ru/");
		pages.put("contacts", "/en/contacts");

		// a new economy article with tag A: economy's lists, tag A's, the latest
		Map<String, String> before = warm(pages);
		Published c = publish("economy", "New economy story " + unique(), List.of(tagA));
		assertThat(evictedExactly(pages, before))
			.contains("home", "article A (economy)", "economy", "tag A", "feed", "economy feed", "sitemap")
			.doesNotContain("sport", "tag B", "sport feed", "russian home", "contacts");

		// B's headline edited: the pages that show B, nothing that does not
		before = warm(pages);
		String edited = "Sport story, edited " + unique();
		EditableArticle article = this.workflow.find(b.id()).orElseThrow();
		this.workflow.save(EDITOR, b.id(), article.version(),
				new Draft(edited, "A lead.", "<p>Text.</p>", "sport", List.of(tagB), "", null, null, null));
		// the very next request shows the edit (and keeps B's page again)
		var next = this.web.get(b.path());
		assertThat(next.headers().firstValue("X-Cache")).hasValue("MISS");
		assertThat(Jsoup.parse(next.body()).selectFirst("h1").text()).isEqualTo(edited);
		assertThat(evictedExactly(pages, before)).contains("home", "sport", "tag B", "feed", "sport feed", "sitemap")
			.doesNotContain("economy", "tag A", "economy feed", "russian home", "contacts");

		// C taken off the site: the lists it leaves
		before = warm(pages);
		this.workflow.unpublish(EDITOR, c.id(), this.workflow.find(c.id()).orElseThrow().version());
		assertThat(evictedExactly(pages, before))
			.contains("home", "article A (economy)", "economy", "tag A", "feed", "economy feed", "sitemap")
			.doesNotContain("sport", "tag B", "sport feed", "russian home", "contacts");
		assertThat(this.web.get(c.path()).statusCode()).isEqualTo(404);
	}

	/**
	 * The pages evicted by the change just made, checked against a fresh render of every
	 * page: each page still served from the cache is exactly what a render gives now (no
	 * stale page), and each evicted page did change (no needless eviction; the sitemap
	 * index, which lists only sitemap pages, is let off).
	 */
	private List<String> evictedExactly(Map<String, String> pages, Map<String, String> before) {
		Map<String, HttpResponse<String>> served = new LinkedHashMap<>();
		pages.forEach((name, path) -> served.put(name, this.web.get(path)));
		this.cache.clear();
		List<String> evicted = new java.util.ArrayList<>();
		pages.forEach((name, path) -> {
			String fresh = this.web.get(path).body();
			HttpResponse<String> response = served.get(name);
			if ("HIT".equals(response.headers().firstValue("X-Cache").orElse(""))) {
				assertThat(response.body()).as("kept page " + name + " is current").isEqualTo(fresh);
			}
			else {
				evicted.add(name);
				if (!name.equals("sitemap")) {
					assertThat(fresh).as("evicted page " + name + " changed").isNotEqualTo(before.get(name));
				}
			}
		});
		return evicted;
	}

	@Test
	void aWidgetChangeRefillsTheSlotWithoutThrowingThePageAway() {
		String path = publish("economy", "Widgets " + unique(), List.of()).path();
		var before = this.web.get(path);
		try {
			this.jdbc.sql("INSERT INTO exchange_rates (currency, rate_date, rate, change) VALUES ('USD', :d, :r, 0)")
				.param("d", LocalDate.now().plusDays(3))
				.param("r", new BigDecimal("512.34"))
				.update();
			var after = this.web.get(path);
			assertThat(after.headers().firstValue("X-Cache")).hasValue("HIT");
			assertThat(after.body()).contains("512.34").doesNotContain("<!--slot:");
			assertThat(before.body()).doesNotContain("512.34");
			// the ETag covers the widgets: the reader's old copy is not current
			assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
			assertThat(
					this.web.get(path, "If-None-Match", before.headers().firstValue("ETag").orElseThrow()).statusCode())
				.isEqualTo(200);
		}
		finally {
			this.jdbc.sql("DELETE FROM exchange_rates").update();
		}
	}

	@Test
	void anEndingEmbargoShowsTheArticleWithoutAnEvent() {
		String headline = "Embargoed until a moment from now " + unique();
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", "economy", List.of(), "", null, null, null));
		int version = this.workflow.embargo(EDITOR, id, 0, Instant.now().plusSeconds(2));
		this.workflow.publish(EDITOR, id, version);
		assertThat(this.web.get("/en/").body()).doesNotContain(headline);
		assertThat(this.web.get("/en/").headers().firstValue("X-Cache")).hasValue("HIT");
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
			this.eviction.checkVisibility();
			return this.web.get("/en/").body().contains(headline);
		});
	}

	@Test
	void pagesThatAreNotPublishedPagesAreNeverKept() {
		for (String path : List.of("/en/search?q=story", "/en/no-such-page", "/en/weather")) {
			this.web.get(path);
			var again = this.web.get(path);
			assertThat(again.headers().firstValue("X-Cache")).as(path).isEmpty();
			assertThat(again.body()).as(path).contains("data-slot=\"weather\"").doesNotContain("<!--slot:");
		}
		assertThat(this.web.get("/en/no-such-page").statusCode()).isEqualTo(404);
	}

	@Test
	void hotPagesStayWithinTheMemoryBudget() {
		PageCache small = new PageCache(new PageCacheProperties(true,
				org.springframework.util.unit.DataSize.ofKilobytes(200), Duration.ofSeconds(1)),
				java.time.Clock.systemUTC());
		small.put(page("/hot"), small.epoch());
		for (int i = 0; i < 100; i++) {
			assertThat(small.get("/hot")).isNotNull();
			small.put(page("/cold-" + i), small.epoch());
			small.get("/hot");
		}
		assertThat(small.stats().bytes()).isLessThanOrEqualTo(200 * 1024);
		assertThat(small.stats().pages()).isLessThan(20);
		assertThat(small.get("/hot")).isNotNull();
	}

	@Test
	void aPageRenderedWhileAnEvictionHappenedIsNotKept() {
		PageCache cache = new PageCache(new PageCacheProperties(true,
				org.springframework.util.unit.DataSize.ofMegabytes(1), Duration.ofSeconds(1)),
				java.time.Clock.systemUTC());
		long epoch = cache.epoch();
		cache.evict(Set.of("article-1"));
		assertThat(cache.put(page("/raced"), epoch)).isFalse();
		assertThat(cache.get("/raced")).isNull();
		assertThat(cache.put(page("/calm"), cache.epoch())).isTrue();
		cache.evict(Set.of("article-2"));
		assertThat(cache.get("/calm")).isNotNull();
		cache.evict(Set.of("article-1"));
		assertThat(cache.get("/calm")).isNull();
	}

	private static CachedPage page(String url) {
		return new CachedPage(url, new io.qalam.platform.web.SlotMarkers.Split(List.of(new byte[20_000]), List.of()),
				"text/html", List.of(), Set.of("article-1", "edition-en"), null);
	}

	/** Every page kept; their bodies. */
	private Map<String, String> warm(Map<String, String> pages) {
		Map<String, String> bodies = new LinkedHashMap<>();
		pages.forEach((name, path) -> bodies.put(name, this.web.get(path).body()));
		pages.forEach((name, path) -> assertThat(this.web.get(path).headers().firstValue("X-Cache")).as(name)
			.hasValue("HIT"));
		return bodies;
	}

	private String tagPath(String articlePath) {
		return Jsoup.parse(this.web.get(articlePath).body()).selectFirst(".tags a").attr("href");
	}

	private Published publish(String section, String headline, List<String> tags) {
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", section, tags, "", null, null, null));
		this.workflow.publish(EDITOR, id, 0);
		// its address, without asking for a page (which would be kept)
		String path = this.jdbc.sql("SELECT slug, published_at FROM articles WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> this.paths.path("en",
					rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("slug")))
			.single();
		return new Published(id, path);
	}

	private HttpResponse<byte[]> bytes(String path, String... headers) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).headers(headers).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private record Published(long id, String path) {
	}

}
