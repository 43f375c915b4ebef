package io.qalam.site;

import io.qalam.PostgresTest;
import io.qalam.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The public site served from a real PostgreSQL, as in production. */
@PostgresTest
class PostgresIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en" })
	void servesHomeArticleAndListsOfEveryEdition(String edition) {
		WebClient web = new WebClient(this.port);
		Document home = web.page("/" + edition + "/");
		String articlePath = home.selectFirst(".lead-story .lead-headline a").attr("href");
		Document article = web.page(articlePath);
		assertThat(article.selectFirst("h1").text()).isEqualTo(home.selectFirst(".lead-story .lead-headline").text());
		assertThat(article.select(".read-also .teaser")).hasSizeBetween(5, 8);
		assertThat(article.select("nav.languages a")).hasSizeGreaterThanOrEqualTo(1);
		String section = article.selectFirst(".article-section a").attr("href");
		assertThat(web.page(section).select(".listing .teaser")).isNotEmpty();
		// The newest demo story of every edition has a byline
		String author = article.selectFirst(".byline a").attr("href");
		assertThat(web.page(author).select(".listing .teaser")).isNotEmpty();
		String tag = article.selectFirst(".tags a").attr("href");
		assertThat(web.page(tag).select(".listing .teaser")).isNotEmpty();
		assertThat(web.get("/" + edition + "/no-such-page").statusCode()).isEqualTo(404);
	}

}
