package io.qalam;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts another Qalam node in the test JVM, for tests of several nodes on one database:
 * its own port, media and index directories, no demo content, no scheduled fetches and no
 * outside service reachable, unless the settings given say otherwise.
 */
public final class TestNodes {

	private TestNodes() {
	}

	/**
	 * @param settings properties for this node (the database at least), winning over the
	 * defaults here
	 */
	public static ConfigurableApplicationContext start(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(Map.ofEntries(Map.entry("server.port", "0"),
				Map.entry("spring.datasource.password", ""), Map.entry("qalam.demo.enabled", "false"),
				Map.entry("qalam.media.dir", "target/test-media/" + UUID.randomUUID()),
				Map.entry("qalam.search.dir", "target/test-index/" + UUID.randomUUID()),
				Map.entry("qalam.secrets.key", "test-secrets-key-of-at-least-32-characters"),
				Map.entry("qalam.content.publish-due.initial-delay", "PT24H"),
				Map.entry("qalam.widgets.refresh.initial-delay", "PT24H"),
				Map.entry("qalam.widgets.rates.url", "http://127.0.0.1:9"),
				Map.entry("qalam.widgets.weather.url", "http://127.0.0.1:9"),
				Map.entry("qalam.distribution.telegram.api-url", "http://127.0.0.1:9"),
				Map.entry("spring.main.banner-mode", "off")));
		all.putAll(settings);
		// As command-line arguments: those outrank application.yml
		return new SpringApplicationBuilder(QalamApplication.class)
			.run(all.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

}
