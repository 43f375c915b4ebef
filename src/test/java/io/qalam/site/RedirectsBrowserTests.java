package io.qalam.site;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Actor;
import io.qalam.content.Redirects;
import io.qalam.newsroom.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom's redirects page in each newsroom language, on a laptop and a phone, with
 * long Cyrillic addresses in the list: screenshots under {@code target/screenshots/},
 * nothing wider than the screen.
 */
@QalamTest
class RedirectsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Redirects redirects;

	@Test
	void editorsSeeTheRedirectsPageInTheirLanguage() {
		Actor editor = new Actor("redirects-editor", Role.EDITOR);
		this.redirects.add(editor, "/2016/05/%D0%B2-%D0%B0%D0%BB%D0%BC%D0%B0%D1%82%D1%8B-%D0%BE%D1%82%D0%BA%D1%80%D1%8B"
				+ "%D0%BB%D0%B8%D1%81%D1%8C-%D0%B4%D0%B2%D0%B5-%D0%BD%D0%BE%D0%B2%D1%8B%D0%B5-%D1%81%D1%82%D0%B0%D0%BD"
				+ "%D1%86%D0%B8%D0%B8-%D0%BC%D0%B5%D1%82%D1%80%D0%BE/", "/ru/");
		this.redirects.add(editor, "/?p=48213", "/kk/section/culture");
		for (String[] language : new String[][] { { "ru", "Новое перенаправление" }, { "kk", "Жаңа бағыттау" },
				{ "en", "New redirect" } }) {
			String username = TestAccounts.create(this.accounts, Role.EDITOR);
			this.accounts.setLanguage(username, language[0]);
			WebDriver browser = Chromium.start();
			try {
				Chromium.logIn(browser, this.port, username);
				browser.get("http://localhost:" + this.port + "/newsroom/redirects");
				assertThat(browser.findElement(By.id("new-redirect")).getText()).isEqualTo(language[1]);
				for (int width : new int[] { 1366, 390 }) {
					assertThat(Chromium.screenshot(browser, width, "newsroom-redirects-" + language[0] + "-" + width))
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
