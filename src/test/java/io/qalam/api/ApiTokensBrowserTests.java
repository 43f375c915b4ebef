package io.qalam.api;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API tokens page in each newsroom language: an admin issues a token and sees it
 * once. Screenshots under {@code target/screenshots/} at a laptop's and a phone's width,
 * nothing wider than the screen.
 */
@QalamTest
class ApiTokensBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void anAdminIssuesATokenAndSeesItOnce() {
		for (String language : new String[] { "ru", "kk", "en" }) {
			String username = TestAccounts.create(this.accounts, Role.ADMIN);
			this.accounts.setLanguage(username, language);
			WebDriver browser = Chromium.start();
			try {
				Chromium.logIn(browser, this.port, username);
				browser.get("http://localhost:" + this.port + "/newsroom/api-tokens");
				browser.findElement(By.id("token-name")).sendKeys("Мобильное приложение");
				browser.findElement(By.cssSelector("input[name=scope][value='drafts:write']")).click();
				browser.findElement(By.cssSelector("form[action='/newsroom/api-tokens'] button")).click();
				new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
					.until(org.openqa.selenium.support.ui.ExpectedConditions
						.presenceOfElementLocated(By.cssSelector("code.token, .error")));
				assertThat(browser.findElements(By.cssSelector("code.token")))
					.as("the token, shown once: %s", browser.findElement(By.tagName("main")).getText())
					.singleElement()
					.satisfies((code) -> assertThat(code.getText()).startsWith(ApiTokens.PREFIX));
				for (int width : new int[] { 1366, 390 }) {
					assertThat(Chromium.screenshot(browser, width, "newsroom-api-tokens-" + language + "-" + width))
						.as("nothing wider than the screen at " + width)
						.isTrue();
				}
			}
			finally {
				browser.quit();
			}
		}
	}

}
