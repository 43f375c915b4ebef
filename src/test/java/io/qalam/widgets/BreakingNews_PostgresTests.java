package io.qalam.widgets;

import java.time.Duration;
import java.util.Map;

import io.qalam.PostgresTest;
import io.qalam.TestNodes;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL: a banner set on one shows on the other's kept pages once
 * its signal arrives, with the pages still served from that node's cache.
 */
@PostgresTest
class BreakingNews_PostgresTests {

	@Autowired
	Environment environment;

	@Autowired
	BreakingNews breaking;

	@Test
	void aBannerSetOnOneNodeShowsOnTheOthersKeptPages() {
		try (ConfigurableApplicationContext other = TestNodes
			.start(Map.of("spring.datasource.url", this.environment.getProperty("spring.datasource.url"),
					"spring.datasource.username", this.environment.getProperty("spring.datasource.username")))) {
			WebClient otherWeb = new WebClient(
					Integer.parseInt(other.getEnvironment().getProperty("local.server.port")));
			otherWeb.get("/en/");
			assertThat(otherWeb.get("/en/").headers().firstValue("X-Cache")).hasValue("HIT");

			this.breaking.set("test", "en", "Polls close across the country", "/en/", null);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Jsoup.parse(otherWeb.get("/en/").body()).select(".breaking a").text(),
						"Polls close across the country"::equals);
			assertThat(otherWeb.get("/en/").headers().firstValue("X-Cache")).hasValue("HIT");

			this.breaking.clear("test", "en", null);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Jsoup.parse(otherWeb.get("/en/").body()).selectFirst(".breaking") == null);
		}
	}

}
