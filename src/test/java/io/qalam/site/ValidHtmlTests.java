package io.qalam.site;

import java.io.ByteArrayInputStream;

import io.qalam.QalamTest;
import io.qalam.widgets.BreakingNews;
import io.qalam.WebClient;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of public page is valid HTML, checked by the Nu HTML Checker (the W3C's
 * validator).
 */
@QalamTest
class ValidHtmlTests {

	@LocalServerPort
	int port;

	@Autowired
	BreakingNews breaking;

	@Autowired
	ApplicationContext context;

	@Test
	void publicPagesAreValidHtml() throws Exception {
		WebClient web = new WebClient(this.port);
		String article = DemoArticles.withTagsAndByline(web, "kk");
		String tag = web.page(article).selectFirst(".tags a").attr("href");
		String author = web.page(article).selectFirst(".byline a").attr("href");
		EmbeddedValidator validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
		validator.setNoLangDetect(true);
		// the Russian pages carry a breaking-news banner
		this.breaking.set("test", "ru", "Срочная новость", "/ru/", null);
		// a live blog with a pinned entry, a picture and an embed
		String live = LiveBlogFixture.create(this.context);
		for (String path : new String[] { "/ru/", "/kk/", "/en/", "/ru/rates", "/kk/weather", article,
				"/ru/section/economy", tag, author, "/en/contacts", "/kk/advertising", "/en/no-such-page",
				"/ru/search?q=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8", "/kk/search", "/en/search?q=zzzz+nothing",
				live }) {
			byte[] html = web.getBytes(path).body();
			String report = validator.validate(new ByteArrayInputStream(html));
			assertThat(report).as("Nu HTML Checker on %s", path).doesNotContain("error:", "fatal:");
		}
		this.breaking.clear("test", "ru", null);
	}

}
