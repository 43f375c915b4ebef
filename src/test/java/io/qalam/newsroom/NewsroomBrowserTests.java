package io.qalam.newsroom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.media.TestImages;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.edition.Slugs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom in a real Chromium, end to end: a reporter writes a draft in the rich-text
 * editor with an uploaded photo and submits it; an editor publishes it; an anonymous
 * reader finds it on the home page and reads it.
 */
@QalamTest
class NewsroomBrowserTests {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		this.browser = Chromium.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void reporterWritesEditorPublishesReaderReads() throws Exception {
		String headline = "Snow closes the Medeu road " + UUID.randomUUID().toString().substring(0, 6);
		Path photo = Files.createTempFile("medeu", ".jpg");
		Files.write(photo, TestImages.jpegWithExif(1600, 1000, 1));

		// The reporter writes and submits
		logIn(user(Role.REPORTER));
		this.browser.findElement(By.linkText("New article")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-toolbar")));
		new Select(this.browser.findElement(By.id("edition"))).selectByValue("en");
		this.browser.findElement(By.id("headline")).sendKeys(headline);
		this.browser.findElement(By.id("lead")).sendKeys("The mountain road is closed until the plough is through.");
		WebElement text = this.browser.findElement(By.cssSelector(".ql-editor"));
		text.click();
		text.sendKeys("Police closed the road at six in the morning.");
		text.sendKeys(" ", Keys.chord(Keys.CONTROL, "b"), "Drivers should wait.");
		assertThat(this.browser.findElement(By.id("body")).isDisplayed()).as("the HTML field is hidden").isFalse();
		assertThat(Chromium.cspViolations(this.browser)).as("the editor works within the CSP").isEmpty();
		this.browser.findElement(By.id("leadImageFile")).sendKeys(photo.toString());
		this.browser.findElement(By.id("leadImageCaption")).sendKeys("The road above Medeu in the morning");
		this.browser.findElement(By.id("leadImageCredit")).sendKeys("Photo: Qalam");
		new Select(this.browser.findElement(By.id("section"))).selectByValue("world");
		Chromium.requestedUrls(this.browser);
		click(".action-bar button[type=submit]", "Create draft");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Draft created."));
		assertThat(Chromium.requestedUrls(this.browser)).anyMatch((u) -> u.endsWith("/newsroom/editor/images"));
		String editPath = this.browser.getCurrentUrl().replaceAll("^https?://[^/]+(/newsroom/articles/\\d+).*", "$1");
		assertThat(this.browser.findElement(By.cssSelector("input[name=leadImage]:checked")).getAttribute("value"))
			.isNotEmpty();
		// uploaded by the page's script before the save, with the caption typed after the
		// file
		assertThat(this.browser.findElement(By.cssSelector("input[name=leadImage]:checked + img")).isDisplayed())
			.isTrue();
		assertThat(this.browser.findElement(By.cssSelector("label.image-choice:has(input[name=leadImage]:checked)"))
			.getText()).contains("The road above Medeu in the morning");
		click("button[name=action][value=submit]", "Submit for review");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Submitted for review."));
		logOut();

		// The editor publishes
		logIn(user(Role.EDITOR));
		this.browser.get("http://localhost:" + this.port + editPath);
		assertThat(this.browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("In review");
		click("button[name=action][value=publish]", "Publish");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "Published."));
		logOut();

		// An anonymous reader reads it
		this.browser.manage().deleteAllCookies();
		this.browser.get("http://localhost:" + this.port + "/en/");
		WebElement link = this.browser.findElement(By.linkText(headline));
		link.click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), headline));
		String body = this.browser.findElement(By.cssSelector(".article-body")).getAttribute("innerHTML");
		assertThat(body).contains("Police closed the road at six in the morning.",
				"<strong>Drivers should wait.</strong>");
		WebElement image = this.browser.findElement(By.cssSelector("figure.lead-photo img"));
		assertThat(image.getAttribute("srcset")).contains("480w", "960w", "1440w");
		this.wait.until((driver) -> (Boolean) ((JavascriptExecutor) driver)
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
		assertThat(this.browser.findElement(By.cssSelector("figure.lead-photo figcaption")).getText())
			.contains("The road above Medeu in the morning", "Photo: Qalam");
		assertThat(Chromium.cspViolations(this.browser)).isEmpty();
	}

	@Test
	void aNewDraftOffersItsEditionsChoicesAndFollowsItsHeadline() {
		String reporter = user(Role.REPORTER);
		this.accounts.setLanguage(reporter, "ru");
		logIn(reporter, "Новый материал");
		this.browser.get("http://localhost:" + this.port + "/newsroom/articles/new");
		assertThat(
				new Select(this.browser.findElement(By.id("edition"))).getFirstSelectedOption().getAttribute("value"))
			.as("a new article is for the edition in the newsroom's language")
			.isEqualTo("ru");
		Select section = new Select(this.browser.findElement(By.id("section")));
		assertThat(section.getOptions()).extracting(WebElement::getText).contains("В мире");

		// switching the edition offers that edition's sections, bylines and tags at once
		new Select(this.browser.findElement(By.id("edition"))).selectByValue("kk");
		assertThat(section.getOptions()).extracting(WebElement::getText).contains("Әлем").doesNotContain("В мире");
		assertThat(new Select(this.browser.findElement(By.id("author-1"))).getOptions()).extracting(WebElement::getText)
			.isNotEmpty();

		// the address follows the headline as it is typed, spelled as the server will
		// store it
		String headline = "Жаңа көпір ашылды";
		this.browser.findElement(By.id("headline")).sendKeys(headline);
		this.wait.until(ExpectedConditions.textMatches(By.id("address-preview"),
				java.util.regex.Pattern.compile("^/kk/\\d{4}/\\d{2}/\\d{2}/" + Slugs.slugify(headline) + "$")));
		assertThat(this.browser.findElement(By.id("headline-count")).getText()).startsWith("17 из 70");
		assertThat(Chromium.cspViolations(this.browser)).isEmpty();
	}

	@Test
	void theMediaLibraryUploadsWithProgressAndSetsAFocalPointByAClick() throws Exception {
		String editor = user(Role.EDITOR);
		this.accounts.setLanguage(editor, "kk");
		logIn(editor, "Жаңа мақала");
		String word = UUID.randomUUID().toString().substring(0, 8);
		Path photo = Files.createTempFile("square", ".jpg");
		Files.write(photo, TestImages.jpeg(1600, 900));
		this.browser.get("http://localhost:" + this.port + "/newsroom/media?edition=kk");
		this.browser.findElement(By.id("upload-file")).sendKeys(photo.toString());
		this.browser.findElement(By.id("upload-caption")).sendKeys("Алаң " + word);
		this.browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
		// through the page's script, with its progress bar, to the library's notice
		this.wait.until(ExpectedConditions.urlContains("uploaded="));
		String id = this.browser.getCurrentUrl().replaceAll(".*uploaded=(\\d+).*", "$1");
		assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).contains(id);

		// a click at 70% across, 20% down (a pixel either way is rounding)
		WebElement picture = this.browser.findElement(By.cssSelector("[data-for=focus-" + id + "] img"));
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", picture);
		var size = picture.getSize();
		new org.openqa.selenium.interactions.Actions(this.browser)
			.moveToElement(picture, size.getWidth() / 5, -size.getHeight() * 3 / 10)
			.click()
			.perform();
		assertThat(Integer.parseInt(this.browser.findElement(By.id("focus-x-" + id)).getAttribute("value")))
			.isBetween(69, 71);
		assertThat(Integer.parseInt(this.browser.findElement(By.id("focus-y-" + id)).getAttribute("value")))
			.isBetween(19, 21);
		// the crop a teaser makes, to the nearest 10%
		assertThat(this.browser.findElement(By.cssSelector("#focus-" + id + " .crop-preview img"))
			.getCssValue("object-position")).isEqualTo("70% 20%");
		this.browser.findElement(By.cssSelector("#focus-" + id + " button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("focused=" + id));
		assertThat(Chromium.cspViolations(this.browser)).isEmpty();
	}

	private void logIn(String username, String newArticle) {
		this.browser.get("http://localhost:" + this.port + "/newsroom/login");
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(newArticle)));
	}

	private void logIn(String username) {
		this.browser.get("http://localhost:" + this.port + "/newsroom/login");
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("New article")));
	}

	private void logOut() {
		this.browser.findElement(By.cssSelector(".logout button")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
	}

	private void click(String css, String label) {
		WebElement button = this.browser.findElement(By.cssSelector(css));
		assertThat(button.getText()).isEqualTo(label);
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		button.click();
	}

	private String user(Role role) {
		return TestAccounts.create(this.accounts, role);
	}

}
