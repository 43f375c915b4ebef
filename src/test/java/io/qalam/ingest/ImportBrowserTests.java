package io.qalam.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin imports a WordPress export in Chromium, in each newsroom language: the file
 * chosen is sent by the page's script with a progress bar, the preview maps the
 * categories, the report follows. Screenshots under {@code target/screenshots/} at a
 * laptop's and a phone's width, nothing wider than the screen.
 */
@QalamTest
class ImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@TempDir
	Path dir;

	@Test
	void anAdminImportsAnExportThroughThePages() throws Exception {
		int n = 60;
		for (String language : new String[] { "ru", "kk", "en" }) {
			Path export = Files.writeString(this.dir.resolve("export-" + language + ".xml"),
					WordPressImportContract.portal(n++, "Канатная дорога снова работает").xml(),
					StandardCharsets.UTF_8);
			String username = TestAccounts.create(this.accounts, Role.ADMIN);
			this.accounts.setLanguage(username, language);
			WebDriver browser = Chromium.start();
			try {
				WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
				Chromium.logIn(browser, this.port, username);
				browser.get("http://localhost:" + this.port + "/newsroom/import");
				Chromium.shotsAtBothWidths(browser, "newsroom-import-" + language);
				browser.findElement(By.id("import-export-file")).sendKeys(export.toString());
				wait.until(ExpectedConditions.attributeContains(By.id("import-export"), "value", ImportJobs.UPLOADED));
				browser.findElement(By.cssSelector("form.import-start button[type=submit]")).click();
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-map")));
				Chromium.shotsAtBothWidths(browser, "newsroom-import-preview-" + language);
				browser.findElement(By.cssSelector("form[action$=\"/run\"] button[type=submit]")).click();
				// the page comes again by itself until the import is done: five posts
				// imported
				wait.until(ExpectedConditions.textMatches(By.cssSelector("section[aria-labelledby=import-report] li"),
						java.util.regex.Pattern.compile(":\\s*5$")));
				Chromium.shotsAtBothWidths(browser, "newsroom-import-report-" + language);
			}
			finally {
				browser.quit();
			}
		}
	}

}
