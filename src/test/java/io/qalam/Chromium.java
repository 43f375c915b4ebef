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
