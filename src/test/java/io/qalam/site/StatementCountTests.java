package io.qalam.site;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import jakarta.servlet.Filter;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page runs a small, fixed number of SQL statements, however much content it
 * shows: counted per request on the real database, before and after thirty more articles
 * land on the same section, tag and author pages.
 */
@QalamTest
@Import(StatementCountTests.Counting.class)
// widget values read once a minute, as in production, so that a kept page reads nothing
@TestPropertySource(properties = "qalam.widgets.fragment-ttl=PT1M")
class StatementCountTests {

	/** More statements than this for one page is a query per item in disguise. */
	private static final int MOST_PER_PAGE = 12;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PageCache cache;

	@Test
	void publicPagesRunAFixedNumberOfStatements() {
		WebClient web = new WebClient(this.port);
		String article = DemoArticles.withTagsAndByline(web, "ru");
		Document page = web.page(article);
		String section = page.selectFirst(".article-section a").attr("href");
		String tag = page.selectFirst(".tags a").attr("href");
		String author = page.selectFirst(".byline a").attr("href");
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/ru/");
		pages.put("article", article);
		pages.put("section", section);
		pages.put("tag", tag);
		pages.put("author", author);
		pages.put("feed", "/ru/rss.xml");
		pages.put("section feed", section + "/rss.xml");
		pages.put("sitemap index", "/sitemap.xml");
		pages.put("sitemap page", "/sitemaps/articles-1.xml");
		pages.put("news sitemap", "/news-sitemap.xml");
		pages.put("search", "/ru/search?q=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C");
		pages.put("rates", "/ru/rates");
		pages.put("weather", "/ru/weather");
		// once to read the widget values, which are then kept for a minute
		count(pages);
		Map<String, Integer> before = count(pages);
		Map<String, Integer> kept = count(pages, false);

		// thirty more articles on the same section, tag and author pages
		String tagName = page.selectFirst(".tags a").text();
		long authorId = this.jdbc.sql("""
				SELECT aa.author_id FROM article_authors aa JOIN articles a ON a.id = aa.article_id
				WHERE a.edition = 'ru' AND a.slug = :slug AND aa.position = 0""")
			.param("slug", article.substring(article.lastIndexOf('/') + 1))
			.query(Long.class)
			.single();
		String sectionSlug = section.substring(section.lastIndexOf('/') + 1);
		for (int i = 0; i < 30; i++) {
			var created = article(this.context).in("ru")
				.section(sectionSlug)
				.tags(tagName)
				.withImage()
				.publishedAt(Instant.now().minus(Duration.ofMinutes(10 + i)))
				.create();
			this.jdbc.sql("INSERT INTO article_authors (article_id, position, author_id) VALUES (:id, 0, :author)")
				.param("author", authorId)
				.param("id", created.id())
				.update();
		}
		Map<String, Integer> after = count(pages);

		assertThat(after).as("statements per page, with thirty more articles").isEqualTo(before);
		assertThat(before)
			.allSatisfy((name, statements) -> assertThat(statements).as(name).isLessThanOrEqualTo(MOST_PER_PAGE));
		// some pages need none (sections and widgets are kept in memory); this one must
		assertThat(before.get("article")).as("the counter sees the article page's statements").isPositive();
		// served again: the published pages come from the page cache without a statement;
		// search, rates and weather are rendered each time
		assertThat(kept).allSatisfy((name, statements) -> assertThat(statements).as(name + ", served again")
			.isEqualTo(List.of("search", "rates", "weather").contains(name) ? before.get(name) : 0));
	}

	/** Statements per page, each rendered afresh. */
	private Map<String, Integer> count(Map<String, String> pages) {
		return count(pages, true);
	}

	private Map<String, Integer> count(Map<String, String> pages, boolean fresh) {
		WebClient web = new WebClient(this.port);
		Map<String, Integer> counts = new LinkedHashMap<>();
		pages.forEach((name, path) -> {
			if (fresh) {
				this.cache.clear();
			}
			else {
				web.get(path);
			}
			String id = UUID.randomUUID().toString();
			var response = web.get(path, Counting.HEADER, id);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			// the filter records the count as the request ends, just after the answer is
			// sent
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> Counting.counts.containsKey(id));
			counts.put(name, Counting.counts.get(id));
		});
		return counts;
	}

	/**
	 * Counts the statements each request prepares, by wrapping the connections the data
	 * source hands out; a request names itself in a header to be looked up.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		static final String HEADER = "X-Count-Statements";

		static final Map<String, Integer> counts = new ConcurrentHashMap<>();

		private static final ThreadLocal<int[]> current = new ThreadLocal<>();

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return Proxy.newProxyInstance(DataSource.class.getClassLoader(),
							new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
								Object result = invoke(method, dataSource, args);
								return (result instanceof Connection connection) ? counted(connection) : result;
							});
				}
			};
		}

		private static Connection counted(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						int[] counter = current.get();
						if (counter != null && (method.getName().equals("prepareStatement")
								|| method.getName().equals("createStatement")
								|| method.getName().equals("prepareCall"))) {
							counter[0]++;
						}
						return invoke(method, connection, args);
					});
		}

		private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		@Bean
		FilterRegistrationBean<Filter> statementCountingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				String id = ((jakarta.servlet.http.HttpServletRequest) request).getHeader(HEADER);
				int[] counter = new int[1];
				current.set(counter);
				try {
					chain.doFilter(request, response);
				}
				finally {
					current.remove();
					if (id != null) {
						counts.put(id, counter[0]);
					}
				}
			});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
