package io.qalam.site;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.qalam.QalamApplication;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticlePage;
import io.qalam.content.LiveBlogs;
import io.qalam.content.PublishedArticles;
import io.qalam.edition.Edition;
import io.qalam.platform.web.PublicChrome;
import io.qalam.platform.web.PublicLayout;
import io.qalam.platform.web.SlotMarkers;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Micro-benchmarks of the two halves of serving a page (run with {@code bench/jmh}): the
 * article page's template rendered from its model (what a cache miss costs besides the
 * database), and a kept page served by the page cache's filter (what a hit costs besides
 * the HTTP server); and a live blog of 500 entries, its first page read and rendered. The
 * application runs once per fork, on an in-memory database with the demo content (its web
 * server on a free port, unused).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PageBenchmarks {

	private ConfigurableApplicationContext context;

	private TemplateEngine templates;

	private ArticleModel model;

	private PageCacheFilter filter;

	// the same, counting into Prometheus's registry, as with QALAM_METRICS_TOKEN set
	private PageCacheFilter measuredFilter;

	private jakarta.servlet.Filter viewBeacon;

	private String path;

	private LiveBlogs liveBlogs;

	private ArticlePage liveArticle;

	private PublicLayout liveLayout;

	private java.time.Clock clock;

	@Setup
	public void start() throws Exception {
		this.context = new SpringApplicationBuilder(QalamApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "--qalam.demo.enabled=true",
				"--qalam.data-dir=target/jmh-data", "--qalam.widgets.refresh.initial-delay=PT24H",
				"--qalam.secrets.key=bench-secrets-key-of-at-least-32-characters", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off");
		PublicChrome chrome = this.context.getBean(PublicChrome.class);
		PublishedArticles articles = this.context.getBean(PublishedArticles.class);
		Edition ru = chrome.edition("ru");
		String lead = articles.home("ru").lead().path();
		ArticlePage article = articles.article("ru", lead.substring(lead.lastIndexOf('/') + 1)).orElseThrow();
		String url = chrome.absolute(article.path());
		PublicLayout layout = chrome.page(ru, article.path(), article.headline())
			.description(article.description())
			.currentSection(article.section().slug())
			.build();
		this.model = new ArticleModel(layout, article, ShareLinks.of(url, article.headline()), url, false, true);
		this.templates = this.context.getBean(TemplateEngine.class);
		this.path = article.path();

		// one kept page, as the first request would have left it
		PageCache cache = this.context.getBean(PageCache.class);
		SlotMarkers markers = this.context.getBean(SlotMarkers.class);
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("site/article.jte", Map.of("model", this.model), output);
		cache.put(new CachedPage(this.path, markers.split(output.toByteArray()), "text/html;charset=UTF-8",
				List.of(new CachedPage.Header("Cache-Control", "public, max-age=0")), Set.of("article-1"), null),
				cache.epoch());
		// every module's slots, as the site combines them
		this.filter = new PageCacheFilter(cache, this.context.getBean(SlotFragments.class), markers,
				this.context.getBean(java.time.Clock.class),
				this.context.getBean(io.micrometer.core.instrument.MeterRegistry.class));

		this.measuredFilter = new PageCacheFilter(cache, this.context.getBean(SlotFragments.class), markers,
				this.context.getBean(java.time.Clock.class),
				new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
						io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));

		this.viewBeacon = this.context
			.getBean("viewBeaconFilter", org.springframework.boot.web.servlet.FilterRegistrationBean.class)
			.getFilter();

		// a live blog of 500 entries on another demo article
		LiveBlogs liveBlogs = this.context.getBean(LiveBlogs.class);
		String other = articles.home("ru").latest().get(3).path();
		ArticlePage liveArticle = articles.article("ru", other.substring(other.lastIndexOf('/') + 1)).orElseThrow();
		Actor editor = new Actor("bench-editor", Role.EDITOR);
		liveBlogs.start(editor, liveArticle.id());
		for (int i = 1; i <= 500; i++) {
			liveBlogs.post(editor, liveArticle.id(), new LiveBlogs.EntryDraft("Запись " + i
					+ ". Толчки ощущались в центре города, жители вышли на улицы, метро работает в обычном режиме.",
					null, "", "", i == 250));
		}
		this.liveBlogs = liveBlogs;
		this.liveArticle = liveArticle;
		this.liveLayout = chrome.page(ru, liveArticle.path(), liveArticle.headline()).build();
		this.clock = this.context.getBean(java.time.Clock.class);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	/**
	 * A live blog of 500 entries: its first page of entries read from the database (the
	 * count, the pinned one, 20 entries) and the page rendered to UTF-8 bytes.
	 */
	@Benchmark
	public byte[] renderLiveBlogOf500Entries() {
		ArticleModel.Live live = new ArticleModel.Live(this.liveBlogs.coverage(this.liveArticle.id()).orElseThrow(),
				this.liveBlogs.entries(this.liveArticle.id(), 1), this.clock.instant());
		ArticleModel liveModel = new ArticleModel(this.liveLayout, this.liveArticle,
				ShareLinks.of(this.liveArticle.path(), this.liveArticle.headline()), this.liveArticle.path(), false,
				true, live);
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("site/article.jte", Map.of("model", liveModel), output);
		return output.toByteArray();
	}

	/** The article page's template, from its model to UTF-8 bytes. */
	@Benchmark
	public byte[] renderArticlePage() {
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("site/article.jte", Map.of("model", this.model), output);
		return output.toByteArray();
	}

	/**
	 * A kept article page served: lookup, widget slots checked, headers and bytes
	 * written.
	 */
	@Benchmark
	public int serveKeptPage() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", this.path);
		MockHttpServletResponse response = new Discarding();
		this.filter.doFilter(request, response, (req, res) -> {
			throw new IllegalStateException("a kept page was rendered again");
		});
		return response.getContentLength();
	}

	/**
	 * The same kept page, counted in Prometheus's registry (metrics on): what metrics
	 * cost a page.
	 */
	@Benchmark
	public int serveKeptPageMeasured() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", this.path);
		MockHttpServletResponse response = new Discarding();
		this.measuredFilter.doFilter(request, response, (req, res) -> {
			throw new IllegalStateException("a kept page was rendered again");
		});
		return response.getContentLength();
	}

	/**
	 * The same kept page behind the view beacon's filter, as every request passes it:
	 * what counting views costs a page (the beacon itself is a request of its own).
	 */
	@Benchmark
	public int serveKeptPageBehindViewBeacon() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", this.path);
		MockHttpServletResponse response = new Discarding();
		this.viewBeacon.doFilter(request, response, (req, res) -> this.filter.doFilter(req, res, (again, more) -> {
			throw new IllegalStateException("a kept page was rendered again");
		}));
		return response.getContentLength();
	}

	/**
	 * A response whose body goes nowhere, written as a server writes it: the mock's own
	 * stream takes one byte at a time.
	 */
	static final class Discarding extends MockHttpServletResponse {

		private final ServletOutputStream out = new ServletOutputStream() {

			@Override
			public void write(int b) {
			}

			@Override
			public void write(byte[] b, int off, int len) {
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
			}

		};

		@Override
		public ServletOutputStream getOutputStream() {
			return this.out;
		}

	}

}
