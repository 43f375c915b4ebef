package io.qalam.widgets;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newsroom's widget status page and the health check. The test context's outside
 * services point at a closed port, so every fetch here fails as a dead upstream would.
 */
@QalamTest
class WidgetStatusTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	@AfterEach
	void clean() {
		this.jdbc.sql("DELETE FROM widget_fetches").update();
	}

	@Test
	void anEditorSeesWhyTheLastFetchFailedAndCanFetchAgain() {
		io.qalam.newsroom.NewsroomTestLogin editor = io.qalam.newsroom.NewsroomTestLogin.as(this.port, user());
		Document empty = Jsoup.parse(editor.get("/newsroom/widgets"));
		assertThat(empty.select(".widget-source h2")).extracting((h) -> h.text())
			.containsExactly("Exchange rates", "Weather");
		assertThat(empty.selectFirst(".widget-source dd.stale").text()).startsWith("never");

		var queued = editor.post("/newsroom/widgets/refresh", "source", "rates");
		assertThat(queued.statusCode()).isEqualTo(302);
		assertThat(queued.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/widgets?queued=rates");
		assertThat(Jsoup.parse(editor.get("/newsroom/widgets?queued=rates")).selectFirst(".notice").text())
			.startsWith("Exchange rates: fetching now.");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Jsoup.parse(editor.get("/newsroom/widgets"))
				.selectFirst("#source-rates")
				.parent()
				.select(".reason")
				.text()
				.startsWith("could not connect"));

		assertThat(editor.post("/newsroom/widgets/refresh", "source", "stocks").statusCode()).isEqualTo(400);
	}

	@Test
	void staleWidgetsAreReportedWithoutTakingTheNodeDown() {
		var health = new WebClient(this.port).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"STALE\"");

		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (String source : new String[] { "rates", "weather" }) {
			this.jdbc.sql("INSERT INTO widget_fetches (source, last_attempt_at, last_success_at) VALUES (:s, :t, :t)")
				.param("s", source)
				.param("t", now)
				.update();
		}
		var fresh = new WebClient(this.port).get("/actuator/health");
		assertThat(fresh.statusCode()).isEqualTo(200);
		assertThat(fresh.body()).contains("\"status\":\"UP\"");

		this.jdbc.sql("UPDATE widget_fetches SET last_success_at = :t WHERE source = 'weather'")
			.param("t", now.minusHours(3))
			.update();
		assertThat(new WebClient(this.port).get("/actuator/health").body()).contains("\"status\":\"STALE\"");
	}

	private String user() {
		return io.qalam.newsroom.TestAccounts.create(this.accounts, Role.EDITOR);
	}

}
