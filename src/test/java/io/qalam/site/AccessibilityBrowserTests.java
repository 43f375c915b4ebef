package io.qalam.site;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.content.PublishedArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core in a real Chromium finds no accessibility violations on the public pages
 * readers use most — home, article, section, day, search and a live blog — in each
 * edition, on a laptop and on a phone (with its menu open too). Light and dark colours
 * are both checked: the pages follow the reader's system setting.
 */
@QalamTest
class AccessibilityBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	PublishedArticles articles;

	@Autowired
	org.springframework.context.ApplicationContext context;

	static String live;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest(name = "{0} at {1} px, {2}")
	@CsvSource({ "ru, 1366, light", "kk, 390, light", "en, 390, dark", "kk, 1366, dark" })
	void noViolationsOnTheReadersPages(String edition, int width, String scheme) {
		browser.manage().window().setSize(new Dimension(width, 900));
		if (live == null) {
			live = LiveBlogFixture.create(this.context);
		}
		String base = "http://localhost:" + this.port;
		String article = this.articles.home(edition).lead().path();
		browser.get(base + article);
		String day = browser.findElement(By.cssSelector(".article-times a")).getAttribute("href");
		String section = browser.findElement(By.cssSelector(".article-section a")).getAttribute("href");
		List<String> pages = List.of(base + "/" + edition + "/", base + article, section, day,
				base + "/" + edition + "/search?q=" + ("en".equals(edition) ? "Almaty" : "Алматы"), base + live);

		List<String> found = new ArrayList<>();
		for (String page : pages) {
			browser.get(page);
			emulate(scheme);
			found.addAll(violations(page));
			if (width < 500) {
				// the phone's menu, opened
				browser.findElement(By.cssSelector(".menu > summary")).click();
				found.addAll(violations(page + " (menu open)"));
			}
		}
		assertThat(found).as("axe violations").isEmpty();
	}

	// The reader's colour scheme, as their system would set it
	private static void emulate(String scheme) {
		((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				java.util.Map.of("features",
						List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
		((JavascriptExecutor) browser).executeScript("return document.fonts.ready");
	}

	private static List<String> violations(String page) {
		Results results = new AxeBuilder().analyze(browser);
		assertThat(results.getPasses()).as("axe ran on " + page).isNotEmpty();
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			found.add(page + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList());
		}
		return found;
	}

}
