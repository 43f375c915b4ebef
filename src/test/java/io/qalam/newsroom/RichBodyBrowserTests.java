package io.qalam.newsroom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Embeds;
import io.qalam.media.MediaLibrary;
import io.qalam.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rich article bodies in a real Chromium, in the Russian and the Kazakh newsroom: a
 * reporter places an uploaded image, a gallery and a YouTube video from the editor's
 * toolbar and submits; an editor publishes; a reader sees the video as a placeholder, and
 * only the click contacts the provider. The providers' hosts point at a local stand-in
 * that counts connections (nothing outside is reachable here).
 */
@QalamTest
class RichBodyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MediaLibrary media;

	private WebDriver browser;

	private ServerSocket standIn;

	private final AtomicInteger contacts = new AtomicInteger();

	@AfterEach
	void stop() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.standIn != null) {
			this.standIn.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"ru|Фото|Галерея|Встроить|Создать черновик|Отправить на проверку|Опубликовать|Показать: YouTube|Пароль изменён.|Авторы",
			"kk|Сурет|Галерея|Ендіру|Қаралама жасау|Тексеруге жіберу|Жариялау|Көрсету: YouTube|Құпиясөз өзгертілді.|Авторлар" })
	void fromTheAdminsFirstLoginToAReaderLoadingTheVideoOnAClick(String language, String image, String gallery,
			String embed, String create, String submit, String publish, String show, String passwordChanged,
			String bylines) throws Exception {
		startBrowserWithStandIn(language);
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		String marker = UUID.randomUUID().toString().substring(0, 6);

		// the admin's first login: the browser's language, a temporary password to
		// replace, a confirmation
		String admin = "admin-" + marker;
		this.accounts.create(admin, "Admin " + marker, Role.ADMIN, "temporary-password-" + marker);
		this.browser.get(base() + "/newsroom/login");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
		this.browser.findElement(By.id("username")).sendKeys(admin);
		this.browser.findElement(By.id("password")).sendKeys("temporary-password-" + marker);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/newsroom/password"));
		assertThat(Chromium.cspViolations(this.browser)).as("the first screens are styled").isEmpty();
		this.browser.findElement(By.id("current")).sendKeys("temporary-password-" + marker);
		this.browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		this.browser.findElement(By.id("confirm")).sendKeys(TestAccounts.PASSWORD);
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), passwordChanged));
		// the account keeps the language it first logged in with
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
		logOut();
		logIn(admin);
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
		logOut();
		for (int i = 1; i <= 2; i++) {
			this.media.upload(new ByteArrayInputStream(TestImages.jpeg(1200, 800)), "ru", "Галерея " + marker + " " + i,
					"Qalam", "tests");
		}
		Path photo = Files.createTempFile("bridge", ".jpg");
		Files.write(photo, TestImages.jpeg(1600, 1000));

		String reporter = user(Role.REPORTER, language);
		logIn(reporter);
		this.browser.get(base() + "/newsroom/articles/new");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-toolbar")));
		// the toolbar's words fit their buttons, in every language
		assertThat((Boolean) ((JavascriptExecutor) this.browser)
			.executeScript("return Array.from(document.querySelectorAll('.ql-toolbar button.place'))"
					+ ".every(function (b) { return b.scrollWidth <= b.clientWidth; })"))
			.isTrue();
		this.browser.findElement(By.id("headline")).sendKeys("Көпір " + marker);
		this.browser.findElement(By.id("lead")).sendKeys("Лид " + marker);
		WebElement text = this.browser.findElement(By.cssSelector(".ql-editor"));
		text.click();
		text.sendKeys("Бірінші абзац.");

		// an image, uploaded from the dialog with its caption and credit
		toolbar(image).click();
		WebElement dialog = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.place-dialog")));
		dialog.findElement(By.id("place-file")).sendKeys(photo.toString());
		dialog.findElement(By.id("place-caption")).sendKeys("Жаңа көпір " + marker);
		dialog.findElement(By.id("place-credit")).sendKeys("Фото: Qalam");
		dialog.findElement(By.cssSelector(".place-upload button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ql-editor figure.image img")));

		// a gallery of two images from the library
		toolbar(gallery).click();
		dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.place-dialog")));
		dialog.findElement(By.id("place-search")).sendKeys("Галерея " + marker);
		wait.until((d) -> d.findElements(By.cssSelector("dialog .place-pick")).size() == 2);
		for (WebElement pick : this.browser.findElements(By.cssSelector("dialog .place-pick"))) {
			pick.click();
		}
		this.browser.findElement(By.cssSelector("dialog .place-actions button:not(.close)")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ql-editor figure.gallery")));

		// a video, from its link; an unknown link is refused in the dialog
		toolbar(embed).click();
		dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.place-dialog")));
		dialog.findElement(By.id("place-url")).sendKeys("https://example.org/video");
		dialog.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textMatches(By.cssSelector("dialog .field-error"),
				java.util.regex.Pattern.compile(".*example\\.org.*")));
		WebElement url = dialog.findElement(By.id("place-url"));
		url.clear();
		url.sendKeys("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
		dialog.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ql-editor figure.embed")));
		assertThat(Chromium.cspViolations(this.browser)).as("the editor works within the CSP").isEmpty();

		new Select(this.browser.findElement(By.id("section"))).selectByValue("world");
		click(".action-bar button[type=submit]", create);
		wait.until(ExpectedConditions.urlContains("done=created"));
		// the saved text opens in the editor again, WebP variants and all
		wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".ql-editor figure.image picture source[type='image/webp']")));
		assertThat(this.browser.findElement(By.id("body")).isDisplayed()).as("not fallen back to HTML").isFalse();
		click("button[name=action][value=submit]", submit);
		wait.until(ExpectedConditions.urlContains("done="));
		String editPath = this.browser.getCurrentUrl().replaceAll("^https?://[^/]+(/newsroom/articles/\\d+).*", "$1");
		logOut();

		String editor = user(Role.EDITOR, language);
		logIn(editor);
		this.browser.get(base() + editPath);
		// two bylines, in this order
		Select first = new Select(this.browser.findElement(By.id("author-1")));
		Select second = new Select(this.browser.findElement(By.id("author-2")));
		first.selectByIndex(1);
		second.selectByIndex(2);
		List<String> names = List.of(first.getFirstSelectedOption().getText(),
				second.getFirstSelectedOption().getText());
		click("button[name=action][value=publish]", publish);
		wait.until(ExpectedConditions.urlContains("done="));
		String publicPath = this.browser.findElement(By.cssSelector(".address-preview a")).getAttribute("href");
		logOut();

		// the reader: a placeholder, and no contact with the provider before the click
		this.browser.manage().deleteAllCookies();
		Chromium.requestedUrls(this.browser);
		this.browser.get(publicPath);
		WebElement body = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".article-body")));
		assertThat(body.findElement(By.cssSelector("figure.image figcaption")).getText())
			.contains("Жаңа көпір " + marker, "Фото: Qalam");
		assertThat(body.findElements(By.cssSelector("figure.gallery figure.image img"))).hasSize(2);
		WebElement byline = this.browser.findElement(By.cssSelector(".byline"));
		assertThat(byline.getText()).startsWith(bylines + ":");
		assertThat(byline.findElements(By.cssSelector("a[rel=author]"))).extracting(WebElement::getText)
			.containsExactlyElementsOf(names);
		assertThat(body.findElement(By.cssSelector("figure.image img")).getAttribute("loading")).isEqualTo("lazy");
		WebElement load = body.findElement(By.cssSelector("figure.embed button.embed-load"));
		assertThat(load.getText()).endsWith(show.substring(show.indexOf(':') + 2));
		assertThat(body.findElements(By.tagName("iframe"))).isEmpty();
		Thread.sleep(300);
		assertThat(this.contacts.get()).as("connections to the provider before the click").isZero();
		assertThat(Chromium.requestedUrls(this.browser)).noneMatch((u) -> u.contains("youtube"));

		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", load);
		load.click();
		WebElement frame = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.embed iframe")));
		assertThat(frame.getAttribute("src"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
		wait.until((d) -> this.contacts.get() > 0);
		assertThat(Chromium.requestedUrls(this.browser))
			.anyMatch((u) -> u.startsWith("https://www.youtube-nocookie.com/"));
		assertThat(Chromium.cspViolations(this.browser)).as("the frame is one the page allows").isEmpty();
	}

	// The providers' hosts resolve to a local socket that counts who connects
	private void startBrowserWithStandIn(String language) throws IOException {
		this.standIn = new ServerSocket(0);
		Thread counter = new Thread(() -> {
			while (!this.standIn.isClosed()) {
				try (Socket socket = this.standIn.accept()) {
					this.contacts.incrementAndGet();
				}
				catch (IOException ex) {
					// closed at the end of the test
				}
			}
		}, "embed-stand-in");
		counter.setDaemon(true);
		counter.start();
		String target = "127.0.0.1:" + this.standIn.getLocalPort();
		List<String> rules = Embeds.FRAME_ORIGINS.stream()
			.map((origin) -> "MAP " + origin.substring("https://".length()) + " " + target)
			.toList();
		this.browser = Chromium.start("--host-resolver-rules=" + String.join(", ", rules), "--accept-lang=" + language);
	}

	private WebElement toolbar(String label) {
		return this.browser.findElements(By.cssSelector(".ql-toolbar button.place"))
			.stream()
			.filter((button) -> button.getText().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no toolbar button " + label));
	}

	private void logIn(String username) {
		this.browser.get(base() + "/newsroom/login");
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".logout button")));
	}

	private void logOut() {
		this.browser.findElement(By.cssSelector(".logout button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
	}

	private void click(String css, String label) {
		WebElement button = this.browser.findElement(By.cssSelector(css));
		assertThat(button.getText()).isEqualTo(label);
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
		button.click();
	}

	private String user(Role role, String language) {
		String username = TestAccounts.create(this.accounts, role);
		this.accounts.setLanguage(username, language);
		return username;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
