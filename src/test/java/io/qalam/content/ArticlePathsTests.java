package io.qalam.content;

import java.time.Instant;
import java.time.ZoneId;

import io.qalam.platform.SiteProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticlePathsTests {

	private final ArticlePaths paths = new ArticlePaths(
			new SiteProperties("https://news.example.kz", "Qalam", ZoneId.of("Asia/Almaty")));

	@Test
	void monthAndDayHaveTwoDigits() {
		assertThat(this.paths.path("kk", Instant.parse("2026-03-05T06:00:00Z"), "kun-rayy"))
			.isEqualTo("/kk/2026/03/05/kun-rayy");
		assertThat(this.paths.path("ru", Instant.parse("2026-12-24T06:00:00Z"), "novost"))
			.isEqualTo("/ru/2026/12/24/novost");
	}

	@Test
	void theDayIsTheNewsroomsDay() {
		// 20:30 UTC on New Year's Eve is already 1 January in Almaty (UTC+5)
		assertThat(this.paths.path("en", Instant.parse("2026-12-31T20:30:00Z"), "new-year"))
			.isEqualTo("/en/2027/01/01/new-year");
	}

}
