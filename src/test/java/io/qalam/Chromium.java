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

	/** Starts a browser; call {@link WebDriver#quit()} when done. */
	public static WebDriver start() {
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
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

}
