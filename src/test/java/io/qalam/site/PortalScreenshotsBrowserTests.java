package io.qalam.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.content.PublishedArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page, an article and a live blog as readers see them, in every edition on a
 * phone (390 px) and a laptop (1366 px): whole-page screenshots kept under
 * {@code target/screenshots/} to be looked at, and what a reader would notice checked:
 * the site's own font in use for Kazakh and Russian letters, nothing wider than the
 * screen, the navigation's links easy to tap, the masthead compact on a phone.
 */
@QalamTest
class PortalScreenshotsBrowserTests {

	static final Path SHOTS = Chromium.SHOTS;

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	PublishedArticles articles;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Chromium.start();
		Files.createDirectories(SHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest(name = "{0} at {1} px")
	@CsvSource({ "ru, 390", "kk, 390", "en, 390", "ru, 1366", "kk, 1366", "en, 1366" })
	void homeAndArticleAsReadersSeeThem(String edition, int width) throws IOException {
		String article = this.articles.home(edition).lead().path();
		// the demo's live blog: the oldest live blog of the edition
		String liveSlug = this.jdbc
			.sql("SELECT slug FROM articles WHERE edition = :ed AND live_started_at IS NOT NULL ORDER BY id LIMIT 1")
			.param("ed", edition)
			.query(String.class)
			.single();
		String live = this.articles.article(edition, liveSlug).orElseThrow().path();
		for (Map.Entry<String, String> page : Map.of("home", "/" + edition + "/", "article", article, "live", live)
			.entrySet()) {
			browser.manage().window().setSize(new Dimension(width, 900));
			browser.get("http://localhost:" + this.port + page.getValue());
			JavascriptExecutor js = (JavascriptExecutor) browser;
			js.executeScript("return document.fonts.ready");
			String name = page.getKey() + "-" + edition + "-" + width;

			// the first screen, as a reader opens the page, and the whole page
			Files.write(SHOTS.resolve(name + "-top.png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			assertThat(Chromium.screenshot(browser, width, name)).as(name + ": nothing wider than the screen").isTrue();
			assertThat(js.executeScript("return document.fonts.check('700 1rem \"Qalam Serif\"', 'ӘҒҚҢӨҰҮҺІ')"))
				.as(name + ": the headline font is loaded and has the Kazakh letters")
				.isEqualTo(true);
			@SuppressWarnings("unchecked")
			List<String> small = (List<String>) js.executeScript("""
					return Array.from(document.querySelectorAll('.sections a, .languages a, .share-bar a'))
					  .filter(a => a.getClientRects().length > 0)
					  .filter(a => { const r = a.getBoundingClientRect(); return r.height < 48 || r.width < 48; })
					  .map(a => a.textContent.trim());""");
			assertThat(small).as(name + ": navigation links at least 48 px each way").isEmpty();
			if (width < 500) {
				Number masthead = (Number) js
					.executeScript("return document.querySelector('.masthead').getBoundingClientRect().height");
				assertThat(masthead.doubleValue()).as(name + ": a compact masthead on a phone").isLessThan(130);
			}

		}
	}

}
