package io.qalam.site;

import java.time.Instant;

import io.qalam.MovingClock;
import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's latest news says the day where it is not today, in Almaty time, and the
 * kept page changes its words at midnight though nothing was published.
 */
@QalamTest
@Import(LatestNewsTimesTests.Midnight.class)
class LatestNewsTimesTests {

	// 23:50 in Almaty on 2 December
	static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-12-02T18:50:00Z");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MovingClock clock;

	@Test
	void todaysTimesTurnIntoYesterdayAtMidnight() {
		article(this.context).in("ru")
			.headline("Поздний выпуск новостей")
			.publishedAt(Instant.parse("2026-12-02T18:40:00Z"))
			.create();
		article(this.context).in("ru")
			.headline("Дневной выпуск новостей")
			.publishedAt(Instant.parse("2026-12-02T12:00:00Z"))
			.create();
		Document before = home();
		assertThat(time(before, "Поздний выпуск новостей")).isEqualTo("23:40");
		assertThat(time(before, "Дневной выпуск новостей")).isEqualTo("17:00");

		// 00:05 on 3 December: the same kept page is made again
		this.clock.set(Instant.parse("2026-12-02T19:05:00Z"));
		Document after = home();
		assertThat(time(after, "Поздний выпуск новостей")).isEqualTo("вчера 23:40");
		assertThat(time(after, "Дневной выпуск новостей")).isEqualTo("вчера 17:00");
		assertThat(after.selectFirst(".news-list time").attr("datetime")).endsWith("+05:00");
	}

	private Document home() {
		return Jsoup.parse(new WebClient(this.port).get("/ru/").body());
	}

	private static String time(Document home, String headline) {
		Element item = home.select(".news-list li")
			.stream()
			.filter((li) -> li.text().contains(headline))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not in the latest news: " + headline));
		return item.selectFirst("time").text();
	}

	@TestConfiguration
	static class Midnight {

		@Bean
		@Primary
		MovingClock movingClock() {
			return new MovingClock(BEFORE_MIDNIGHT);
		}

	}

}
