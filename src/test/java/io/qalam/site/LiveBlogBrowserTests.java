package io.qalam.site;

import java.time.Duration;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleBuilder;
import io.qalam.content.LiveBlogs;
import io.qalam.content.LiveBlogs.EntryDraft;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader follows a live blog in a real Chromium: with JavaScript, a new entry appears
 * on top without reloading (the page asks every 10 seconds), its embed behind a button
 * like the article's own; without JavaScript, the page shows the entry once reloaded.
 */
@QalamTest
class LiveBlogBrowserTests {

	static final Actor EDITOR = new Actor("live-browser-editor", Role.EDITOR);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LiveBlogs liveBlogs;

	@Autowired
	io.qalam.accounts.UserAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void withJavaScriptANewEntryAppearsWithoutReloading() {
		var article = ArticleBuilder.article(this.context).in("ru").create();
		this.liveBlogs.start(EDITOR, article.id());
		this.liveBlogs.post(EDITOR, article.id(), entry("Толчки ощущались в центре Алматы."));
		WebDriver browser = Chromium.start();
		try {
			browser.get("http://localhost:" + this.port + article.path());
			assertThat(browser.findElements(By.cssSelector(".live-entries .live-entry"))).hasSize(1);
			// marks the page: a reload would lose the mark
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true");

			long second = this.liveBlogs.post(EDITOR, article.id(),
					new EntryDraft("Метро продолжает работу.", null, "", "https://youtu.be/dQw4w9WgXcQ", false));
			new WebDriverWait(browser, Duration.ofSeconds(25)).until((b) -> !b
				.findElements(By.cssSelector(".live-entries .live-entry:first-child[data-entry-id='" + second + "']"))
				.isEmpty());
			assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.notReloaded"))
				.isEqualTo(true);
			assertThat(browser.findElement(By.cssSelector(".live-status")).getText()).isEqualTo("Новые записи: 1");
			assertThat(browser.findElements(By.cssSelector(".live-entries .live-entry"))).hasSize(2);
			// its video waits behind a button, like the article's own
			assertThat(browser.findElement(By.cssSelector("#entry-" + second + " figure.embed button.embed-load"))
				.isDisplayed()).isTrue();
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void withoutJavaScriptTheEntryShowsOnceReloaded() {
		var article = ArticleBuilder.article(this.context).in("en").create();
		this.liveBlogs.start(EDITOR, article.id());
		this.liveBlogs.post(EDITOR, article.id(), entry("The first results are in."));
		WebDriver browser = Chromium.start("--blink-settings=scriptEnabled=false");
		try {
			String url = "http://localhost:" + this.port + article.path();
			browser.get(url);
			assertThat(browser.findElements(By.cssSelector(".live-entries .live-entry"))).hasSize(1);
			long second = this.liveBlogs.post(EDITOR, article.id(), entry("Turnout is 61 per cent."));
			browser.navigate().refresh();
			assertThat(browser.findElement(By.cssSelector(".live-entries .live-entry")).getAttribute("data-entry-id"))
				.isEqualTo(String.valueOf(second));
			assertThat(browser.findElement(By.cssSelector("#entry-" + second + " .live-entry-body")).getText())
				.isEqualTo("Turnout is 61 per cent.");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * The newsroom's live blog page in each newsroom language, on a laptop and a phone:
	 * screenshots under {@code target/screenshots/}, the form in the editor's language,
	 * nothing wider than the screen.
	 */
	@Test
	void editorsSeeTheLiveBlogPageInTheirLanguage() {
		for (String[] language : new String[][] { { "ru", "Новая запись" }, { "kk", "Жаңа жазба" },
				{ "en", "New entry" } }) {
			String username = io.qalam.newsroom.TestAccounts.create(this.accounts, Role.EDITOR);
			this.accounts.setLanguage(username, language[0]);
			long live = this.jdbc
				.sql("SELECT id FROM articles WHERE edition = :ed AND live_started_at IS NOT NULL ORDER BY id LIMIT 1")
				.param("ed", language[0])
				.query(Long.class)
				.single();
			WebDriver browser = Chromium.start();
			try {
				Chromium.logIn(browser, this.port, username);
				for (int width : new int[] { 1366, 390 }) {
					browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
					browser.get("http://localhost:" + this.port + "/newsroom/articles/" + live + "/live");
					assertThat(browser.findElement(By.id("new-entry")).getText()).isEqualTo(language[1]);
					assertThat(Chromium.screenshot(browser, width, "newsroom-live-" + language[0] + "-" + width))
						.as("nothing wider than the screen at " + width)
						.isTrue();
				}
			}
			finally {
				browser.quit();
			}
		}
	}

	private static EntryDraft entry(String text) {
		return new EntryDraft(text, null, "", "", false);
	}

}
