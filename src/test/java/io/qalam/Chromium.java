package io.qalam;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium for browser tests, with a profile of its own. Tests are skipped
 * where Chromium is not installed ({@code .ci/run} installs it, so CI always runs them).
 */
public final class Chromium {

	private static final File BINARY = new File("/usr/bin/chromium");

	private static final File DRIVER = new File("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * The browser console's messages since the last call that mention the
	 * Content-Security-Policy: each is something the page wanted and was refused.
	 */
	public static java.util.List<String> cspViolations(WebDriver browser) {
		return browser.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.map(org.openqa.selenium.logging.LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	/**
	 * The addresses in the browser's network log since the last call: every request sent
	 * (and the scripts that started them).
	 */
	public static java.util.List<String> requestedUrls(WebDriver browser) {
		java.util.regex.Pattern url = java.util.regex.Pattern.compile("\"url\":\"(https?://[^\"]+)\"");
		return browser.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.PERFORMANCE)
			.getAll()
			.stream()
			.map(org.openqa.selenium.logging.LogEntry::getMessage)
			.filter((message) -> message.contains("Network.requestWillBeSent"))
			.flatMap((message) -> url.matcher(message).results().map((found) -> found.group(1)))
			.toList();
	}

	/** Where browser tests leave their screenshots, to be looked at. */
	public static final Path SHOTS = Path.of("target", "screenshots");

	/** Logs the browser into the newsroom as a user made by the tests' accounts. */
	public static void logIn(WebDriver browser, int port, String username) {
		browser.get("http://localhost:" + port + "/newsroom/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(io.qalam.newsroom.TestAccounts.PASSWORD);
		browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
			.until((b) -> !b.getCurrentUrl().contains("/login"));
	}

	/**
	 * The page at a laptop's width (1366 px) and a phone's (390 px), as
	 * {@code name-1366.png} and {@code name-390.png}; fails when anything on it is wider
	 * than the screen.
	 */
	public static void shotsAtBothWidths(WebDriver browser, String name) {
		for (int width : new int[] { 1366, 390 }) {
			org.assertj.core.api.Assertions.assertThat(screenshot(browser, width, name + "-" + width))
				.as("nothing wider than the screen at " + width)
				.isTrue();
		}
	}

	/**
	 * The whole page the browser shows, at this width, into {@link #SHOTS}
	 * ({@code name.png}); the window is left that wide and 900 px tall.
	 * @return whether nothing on the page is wider than the screen
	 */
	public static boolean screenshot(WebDriver browser, int width, String name) {
		var js = (org.openqa.selenium.JavascriptExecutor) browser;
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
		// the page is measured once it is laid out at the new width
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
			.until((b) -> ((Number) js.executeScript("return window.innerWidth")).intValue() == width);
		// as first shown, blocks below the first screen not laid out yet
		// (content-visibility)
		boolean fitsFirst = Boolean.TRUE
			.equals(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
		// scrolled through once, as a reader would, the page has its real height
		js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const frame = (next) => requestAnimationFrame(() => requestAnimationFrame(next));
				let y = 0;
				(function step() {
				  if (y >= document.documentElement.scrollHeight) { window.scrollTo(0, 0); frame(done); return; }
				  window.scrollTo(0, y);
				  y += window.innerHeight;
				  frame(step);
				})();""");
		Number height = (Number) js.executeScript("return document.documentElement.scrollHeight");
		// the window's own frame takes part of its height
		Number frame = (Number) js.executeScript("return window.outerHeight - window.innerHeight");
		browser.manage()
			.window()
			.setSize(new org.openqa.selenium.Dimension(width, Math.min(height.intValue() + frame.intValue(), 8000)));
		// measured with the whole page on the screen, every block laid out
		js.executeAsyncScript("requestAnimationFrame(() => requestAnimationFrame(arguments[arguments.length - 1]))");
		boolean fits = fitsFirst && Boolean.TRUE
			.equals(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));

		try {
			Files.createDirectories(SHOTS);
			Files.write(SHOTS.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser)
				.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
		return fits;
	}

	/** Starts a browser; call {@link WebDriver#quit()} when done. */
	public static WebDriver start() {
		return start(new String[0]);
	}

	/**
	 * Starts a browser with more command-line switches (such as
	 * {@code --host-resolver-rules}), keeping its network log for
	 * {@link #requestedUrls(WebDriver)}.
	 */
	public static WebDriver start(String... switches) {
		assumeTrue(BINARY.canExecute() && DRIVER.canExecute(),
				"Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
		Path profile;
		try {
			profile = Files.createTempDirectory("qalam-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		// The console is kept, so tests can look for Content-Security-Policy violations
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL", "performance", "ALL"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + profile);
		options.addArguments(switches);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

}
