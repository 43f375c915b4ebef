package io.qalam.site;

import java.time.Instant;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/** The archive by day: an Almaty day's articles of one edition, and one section's. */
@QalamTest
class DayArchiveTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aDayListsWhatTheEditionPublishedThatDayInAlmaty() {
		// 23:30 and 08:00 on 14 March 2025 in Almaty, and 00:10 the day after
		var late = article(this.context).in("ru")
			.section("world")
			.headline("Поздняя новость дня")
			.publishedAt(Instant.parse("2025-03-14T18:30:00Z"))
			.create();
		article(this.context).in("ru")
			.section("sport")
			.headline("Утренняя новость дня")
			.publishedAt(Instant.parse("2025-03-14T03:00:00Z"))
			.create();
		article(this.context).in("ru")
			.section("world")
			.headline("Новость следующего дня")
			.publishedAt(Instant.parse("2025-03-14T19:10:00Z"))
			.create();
		article(this.context).in("en")
			.section("world")
			.headline("English of that day")
			.publishedAt(Instant.parse("2025-03-14T10:00:00Z"))
			.create();

		Document day = page("/ru/2025/03/14/");
		assertThat(day.selectFirst("h1").text()).isEqualTo("14 марта 2025");
		assertThat(day.select(".listing .teaser-headline").eachText()).containsExactly("Поздняя новость дня",
				"Утренняя новость дня");
		Document world = page("/ru/2025/03/14/?section=world");
		assertThat(world.select(".listing .teaser-headline").eachText()).containsExactly("Поздняя новость дня");
		assertThat(world.selectFirst("h1").text()).startsWith("14 марта 2025 · ");
		assertThat(page("/ru/2025/03/15/").select(".listing .teaser-headline").eachText())
			.containsExactly("Новость следующего дня");

		// an article's date leads to its day
		Document article = page(late.path());
		assertThat(article.selectFirst("a.day-link").attr("href")).isEqualTo("/ru/2025/03/14/");
	}

	@Test
	void withoutTheSlashItMovesForGoodAndWrongDaysAreNotFound() {
		var moved = new WebClient(this.port).get("/kk/2025/03/14");
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/kk/2025/03/14/");
		assertThat(new WebClient(this.port).get("/kk/2025/02/30/").statusCode()).isEqualTo(404);
		assertThat(new WebClient(this.port).get("/kk/2025/13/01").statusCode()).isEqualTo(404);
		assertThat(new WebClient(this.port).get("/kk/2025/03/14/?section=no-such").statusCode()).isEqualTo(404);
		assertThat(new WebClient(this.port).get("/xx/2025/03/14/").statusCode()).isEqualTo(404);
		var empty = Jsoup.parse(new WebClient(this.port).get("/kk/1999/01/01/").body());
		assertThat(empty.select(".listing")).isEmpty();
		assertThat(empty.selectFirst(".empty")).isNotNull();
	}

	@Test
	void aSectionPageShowsThisMonthWithItsDaysLinked() {
		article(this.context).in("kk").section("world").publishedIn(java.time.Duration.ofSeconds(-5)).create();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"));
		Document section = page("/kk/section/world");
		var calendar = section.selectFirst(".month-calendar");
		assertThat(calendar.selectFirst("h2").text()).contains(String.valueOf(today.getYear()));
		assertThat(calendar.select("thead th")).hasSize(7);
		var link = calendar.selectFirst("a[aria-current=date]");
		assertThat(link.text()).isEqualTo(String.valueOf(today.getDayOfMonth()));
		assertThat(link.attr("href")).isEqualTo(String.format("/kk/%04d/%02d/%02d/?section=world", today.getYear(),
				today.getMonthValue(), today.getDayOfMonth()));
		assertThat(page(link.attr("href")).select(".listing .teaser")).isNotEmpty();
	}

	private Document page(String path) {
		var answer = new WebClient(this.port).get(path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(answer.body());
	}

}
