package io.qalam.site;

import java.time.Duration;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader in a real Chromium: home page, a headline, its article, and the same story in
 * another edition through the language switcher.
 */
@QalamTest
class ReaderJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = Chromium.start();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void readerFollowsAHeadlineAndSwitchesToTheTranslation() {
		// The newest story: on the home page's latest news
		var russian = article(this.context).in("ru")
			.headline("Новый парк открылся в Таразе")
			.withImage()
			.publishedIn(Duration.ZERO)
			.create();
		article(this.context).in("en")
			.headline("A new park opens in Taraz")
			.withImage()
			.translationOf(russian)
			.publishedIn(Duration.ZERO)
			.create();
		this.browser.get("http://localhost:" + this.port + "/en/");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

		WebElement headline = this.browser.findElement(By.linkText("A new park opens in Taraz"));
		String title = headline.getText();
		headline.click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
		assertThat(this.browser.findElement(By.cssSelector(".article-body")).getText()).isNotBlank();

		this.browser.findElement(By.cssSelector("nav.languages a[hreflang=ru]")).click();
		wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ru"));
		String russianTitle = this.browser.findElement(By.tagName("h1")).getText();
		assertThat(russianTitle).isEqualTo("Новый парк открылся в Таразе");
		assertThat(this.browser.getCurrentUrl()).contains("/ru/20");
		assertThat(this.browser.findElement(By.cssSelector("nav.languages a[aria-current]")).getText())
			.isEqualTo("Русский");
		assertThat(Chromium.cspViolations(this.browser)).isEmpty();
	}

	@Test
	void theReadersCityFollowsThemToEveryPage() {
		this.browser.get("http://localhost:" + this.port + "/en/weather");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("weather-city")))
			.selectByValue("shymkent");
		this.browser.findElement(By.cssSelector(".weather-page form button")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.textToBe(By.cssSelector(".form-notice"), "Shymkent is now your city."));
		this.browser.get("http://localhost:" + this.port + "/en/");
		// The page itself carries the default city; the script swaps in the reader's
		wait.until(ExpectedConditions.textToBe(By.cssSelector("aside .weather-city"), "Shymkent"));
		assertThat(Chromium.cspViolations(this.browser)).isEmpty();
	}

	@Test
	void anArticleShownToAPersonCountsOneViewAndToAHeadlessBrowserNone() {
		var shown = article(this.context).in("kk").headline("Оқырман көрген мақала").create();
		var robot = article(this.context).in("kk").headline("Робот ашқан мақала").create();
		io.qalam.analytics.ViewCounts counts = this.context.getBean(io.qalam.analytics.ViewCounts.class);
		java.time.Instant since = java.time.Instant.now().minus(Duration.ofHours(2));
		// the default browser says it is headless, as robots do
		this.browser.get("http://localhost:" + this.port + robot.path());
		WebDriver person = Chromium.start("--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
				+ "(KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36");
		try {
			person.get("http://localhost:" + this.port + shown.path());
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
				counts.flush();
				return views(counts, shown.id(), since) == 1;
			});
		}
		finally {
			person.quit();
		}
		counts.flush();
		assertThat(views(counts, shown.id(), since)).isEqualTo(1);
		assertThat(views(counts, robot.id(), since)).isZero();
	}

	private static long views(io.qalam.analytics.ViewCounts counts, long articleId, java.time.Instant since) {
		return counts.hourly(articleId, since).stream().mapToLong(io.qalam.analytics.ViewCounts.Hourly::views).sum();
	}

	@Test
	void aReaderSearchesFromTheMastheadAndOpensTheArticle() throws Exception {
		String tag = "qz" + java.util.UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
		var story = article(this.context).in("kk")
			.headline("Алматыда жаңа мектептер ашылды " + tag)
			.publishedAt(java.time.Instant.now().minus(Duration.ofMinutes(5)))
			.create();
		// written without events: the index's check against the database picks it up
		this.context.getBean(io.qalam.search.SearchIndex.class).check().get(60, java.util.concurrent.TimeUnit.SECONDS);

		this.browser.get("http://localhost:" + this.port + "/kk/");
		WebElement box = this.browser.findElement(By.id("masthead-q"));
		box.sendKeys("мектепке " + tag);
		box.submit();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-hit")));
		WebElement hit = this.browser.findElement(By.cssSelector(".search-hit h2 a"));
		assertThat(hit.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("мектептер", tag);
		hit.click();
		wait.until(ExpectedConditions.urlContains(story.path()));
		assertThat(this.browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Алматыда жаңа мектептер ашылды " + tag);
		assertThat(Chromium.cspViolations(this.browser)).isEmpty();
	}

	@Test
	void pagesFitANarrowPhoneScreen() {
		this.browser.manage().window().setSize(new Dimension(360, 740));
		this.browser.get("http://localhost:" + this.port + "/kk/");
		// what sticks out, named, if anything does
		Object wide = ((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript(
				"""
						return Array.from(document.querySelectorAll('body *'))
						  .filter(function (e) { return e.getBoundingClientRect().right > window.innerWidth + 1
						    && !e.closest('.sections, .gallery, table'); })
						  .map(function (e) { return e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60); })""");
		assertThat((java.util.List<?>) wide).isEmpty();
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).isEqualTo(false);
	}

}
