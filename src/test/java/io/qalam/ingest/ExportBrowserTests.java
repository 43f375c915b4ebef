package io.qalam.ingest;

import java.time.Duration;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin exports the site in Chromium, in each newsroom language: the page follows the
 * export until it is written and lists the file. Screenshots under
 * {@code target/screenshots/} at a laptop's and a phone's width.
 */
@QalamTest
@TestPropertySource(properties = "qalam.data-dir=target/test-data/site-archive")
class ExportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void anAdminExportsTheSiteThroughThePage() {
		for (String language : new String[] { "ru", "kk", "en" }) {
			String username = TestAccounts.create(this.accounts, Role.ADMIN);
			this.accounts.setLanguage(username, language);
			WebDriver browser = Chromium.start();
			try {
				WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
				Chromium.logIn(browser, this.port, username);
				browser.get("http://localhost:" + this.port + "/newsroom/export");
				By files = By.cssSelector("a[href^=\"/newsroom/export/files/qalam-\"]");
				int before = browser.findElements(files).size();
				browser.findElement(By.cssSelector("form[action=\"/newsroom/export\"] button[type=submit]")).click();
				// the page comes again by itself until the export is written
				wait.until(ExpectedConditions.numberOfElementsToBe(files, before + 1));
				assertThat(browser.findElements(By.cssSelector("progress"))).isEmpty();
				Chromium.shotsAtBothWidths(browser, "newsroom-export-" + language);
			}
			finally {
				browser.quit();
			}
		}
	}

}
