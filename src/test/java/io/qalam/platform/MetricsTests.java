package io.qalam.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prometheus metrics at {@code /actuator/prometheus}, for the bearer token of
 * {@code QALAM_METRICS_TOKEN} only: the page cache, rendering, publish-to-visible, edge
 * purges, upstream fetches, the channel and webhook queues, the search index, the JVM and
 * the connection pool.
 */
@QalamTest
@TestPropertySource(properties = "qalam.metrics.token=" + MetricsTests.TOKEN)
class MetricsTests {

	static final String TOKEN = "metrics-token-for-the-tests-0123";

	private static final Actor EDITOR = new Actor("metrics-editor", Role.EDITOR);

	@LocalServerPort
	int port;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	io.qalam.widgets.WidgetStatus widgets;

	@Test
	void onlyTheTokenGetsTheMetrics() {
		WebClient web = new WebClient(this.port);
		for (String[] refused : List.of(new String[0], new String[] { "Authorization", "Bearer wrong-token-of-length" },
				new String[] { "Authorization", "Basic " + TOKEN }, new String[] { "Authorization", "Bearer " })) {
			HttpResponse<String> answer = web.get("/actuator/prometheus", refused);
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
			assertThat(answer.body()).doesNotContain("jvm_");
		}
		HttpResponse<String> metrics = scrape(web);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(metrics.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
				"process_cpu_usage", "hikaricp_connections_active", "hikaricp_connections_max",
				"qalam_telegram_posts{state=\"waiting\"}", "qalam_telegram_posts{state=\"failed\"}",
				"qalam_webhook_deliveries{state=\"waiting\"}", "qalam_search_index_pending");
	}

	@Test
	void pagesPublishingAndFetchesAreCounted() {
		WebClient web = new WebClient(this.port);
		web.get("/kk/");
		double hits = value(scrape(web).body(), "qalam_page_cache_total{result=\"hit\"}");
		double renders = value(scrape(web).body(), "qalam_page_render_seconds_count");
		web.get("/kk/");
		web.get("/kk/");
		web.get("/kk/search?q=test");
		String after = scrape(web).body();
		assertThat(value(after, "qalam_page_cache_total{result=\"hit\"}")).isEqualTo(hits + 2);
		assertThat(value(after, "qalam_page_cache_total{result=\"pass\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(after, "qalam_page_render_seconds_count")).isGreaterThanOrEqualTo(renders + 1);
		assertThat(after).contains("qalam_page_render_seconds_bucket{le=");

		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft("Counted publish", "A lead.", "<p>Text.</p>", "economy", List.of(), "", null, null, null));
		this.workflow.publish(EDITOR, id, 0);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> value(scrape(web).body(), "qalam_publish_to_visible_seconds_count{where=\"this-node\"}") >= 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> value(scrape(web).body(), "qalam_search_index_lag_seconds_count") >= 1);

		// the test's bank is at a closed port: the fetch is rejected, and counted so
		await().atMost(Duration.ofSeconds(10)).until(() -> this.widgets.refreshNow("rates"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> value(scrape(web).body(),
					"qalam_upstream_fetches_total{result=\"rejected\",source=\"rates\"}") >= 1);
	}

	private static HttpResponse<String> scrape(WebClient web) {
		return web.get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN);
	}

	// a sample's value, 0 when it is not there yet
	private static double value(String metrics, String sample) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

}
