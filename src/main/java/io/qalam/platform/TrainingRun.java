package io.qalam.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training run of the start recipe ({@code --qalam.training-run=true}, README): once
 * ready, the node reads its own public pages as a reader would — each twice, rendered and
 * then kept — and stops. Started with {@code -XX:AOTCacheOutput} (Java 25) or
 * {@code -XX:ArchiveClassesAtExit} (Java 17), the JVM then keeps the classes and method
 * profiles of serving pages too, not only those of starting.
 */
@Component
class TrainingRun {

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	/** Enough pages to reach every kind (home, article, section, tag, day, live blog). */
	static final int MAX_PAGES = 60;

	// a page is about 30 KB; links further on than this are not looked for
	private static final int MAX_PAGE_BYTES = 1024 * 1024;

	// paths of this site only: "//host/…" would leave it
	private static final Pattern LINK = Pattern.compile("href=\"(/(?!/)[^\"#]*)\"");

	// the view beacon counts a read; the newsroom and the API are not what readers open
	private static final Pattern SKIPPED = Pattern.compile("/[a-z]{2,3}/views/.*|/newsroom.*|/api/.*|/actuator.*");

	private final boolean enabled;

	TrainingRun(Environment environment) {
		this.enabled = environment.getProperty("qalam.training-run", Boolean.class, false);
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (this.enabled && event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			ConfigurableApplicationContext context = event.getApplicationContext();
			Workers.start("training-run", Thread.NORM_PRIORITY, () -> {
				List<String> pages = read(URI.create("http://127.0.0.1:" + port));
				log.info("Training run: read {} pages; stopping", pages.size());
				System.exit(SpringApplication.exit(context));
			});
		}
	}

	/**
	 * Reads pages from {@code origin}'s home, breadth first, never leaving it (links and
	 * redirects elsewhere are not followed); the paths read.
	 */
	static List<String> read(URI origin) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Set<String> seen = new LinkedHashSet<>();
		Queue<String> next = new ArrayDeque<>();
		seen.add("/");
		next.add("/");
		List<String> read = new ArrayList<>();
		while (!next.isEmpty() && read.size() < MAX_PAGES) {
			String path = next.remove();
			List<String> found = new ArrayList<>();
			for (int time = 0; time < 2; time++) {
				try {
					URI address = origin.resolve(path);
					HttpResponse<InputStream> response = client.send(
							HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10)).build(),
							HttpResponse.BodyHandlers.ofInputStream());
					try (InputStream body = response.body()) {
						byte[] page = body.readNBytes(MAX_PAGE_BYTES);
						// the second read serves the kept page, with the same links
						if (found.isEmpty()) {
							found = links(address, response, new String(page, StandardCharsets.UTF_8));
						}
					}
				}
				catch (IOException | IllegalArgumentException ex) {
					log.warn("Training run: {} not read: {}", path, ex.toString());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return read;
				}
			}
			read.add(path);
			for (String link : found) {
				if (!SKIPPED.matcher(link).matches() && seen.add(link)) {
					next.add(link);
				}
			}
		}
		return read;
	}

	/** The site paths a page links to, or the one it redirects to on the same site. */
	private static List<String> links(URI address, HttpResponse<?> response, String body) {
		List<String> links = new ArrayList<>();
		if (response.statusCode() / 100 == 3) {
			response.headers().firstValue("Location").map(address::resolve).ifPresent((target) -> {
				if (Objects.equals(target.getRawAuthority(), address.getRawAuthority())) {
					links.add(target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : ""));
				}
			});
		}
		else if (response.statusCode() == 200) {
			Matcher link = LINK.matcher(body);
			while (link.find()) {
				links.add(link.group(1).replace("&amp;", "&"));
			}
		}
		return links;
	}

}
