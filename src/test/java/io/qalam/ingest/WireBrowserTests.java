package io.qalam.ingest;

import java.time.Duration;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.TestAccounts;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire in Chromium, in each newsroom language: an admin subscribes an edition to a
 * feed (a stand-in agency), the items wait in the inbox, one click makes a draft and
 * opens it in the editor. Screenshots of the inbox and the feeds under
 * {@code target/screenshots/} at a laptop's and a phone's width.
 */
@QalamTest
class WireBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void anAdminSubscribesAndAnEditorMakesADraftOfAnItem() throws Exception {
		try (MockWebServer agency = new MockWebServer()) {
			agency.setDispatcher(new Dispatcher() {
				@Override
				public MockResponse dispatch(RecordedRequest request) {
					String n = request.getPath().replaceAll("\\D", "");
					return new MockResponse().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
						.setBody(WireTests.rss(
								WireTests.item("w" + n + "-1", "https://agency.example.kz/" + n + "/1",
										"Правительство утвердило план на 2027 год", "Mon, 07 Dec 2026 09:00:00 +0500"),
								WireTests.item("w" + n + "-2", "https://agency.example.kz/" + n + "/2",
										"Үкімет 2027 жылға арналған жоспарды бекітті өте ұзын тақырыппен",
										"Mon, 07 Dec 2026 08:30:00 +0500")));
				}
			});
			agency.start();
			int n = 0;
			for (String language : new String[] { "ru", "kk", "en" }) {
				String username = TestAccounts.create(this.accounts, Role.ADMIN);
				this.accounts.setLanguage(username, language);
				WebDriver browser = Chromium.start();
				try {
					WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
					Chromium.logIn(browser, this.port, username);
					browser.get("http://localhost:" + this.port + "/newsroom/wire/feeds");
					browser.findElement(By.id("wire-name")).sendKeys("Казинформ");
					browser.findElement(By.id("wire-url")).sendKeys(agency.url("/feed-" + (++n) + ".xml").toString());
					browser.findElement(By.cssSelector("form[action='/newsroom/wire/feeds'] button")).click();
					wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
					Chromium.shotsAtBothWidths(browser, "newsroom-wire-feeds-" + language);
					browser.get("http://localhost:" + this.port + "/newsroom/wire");
					Chromium.shotsAtBothWidths(browser, "newsroom-wire-" + language);
					browser.findElement(By.cssSelector("form[action$='/draft'] button")).click();
					wait.until(ExpectedConditions.urlMatches("/newsroom/articles/\\d+$"));
					assertThat(browser.findElement(By.name("headline")).getAttribute("value")).isNotBlank();
				}
				finally {
					browser.quit();
				}
			}
		}
	}

}
