package io.qalam;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
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
		return start(settings, new ApplicationContextInitializer<?>[0]);
	}

	/**
	 * @param settings as above
	 * @param initializers what the test adds to the node before it starts (beans of its
	 * own)
	 */
	public static ConfigurableApplicationContext start(Map<String, String> settings,
			ApplicationContextInitializer<?>... initializers) {
		// The test profile's settings (application-test.yml), on a node of its own
		Map<String, String> all = new HashMap<>(
				Map.of("spring.profiles.active", "test", "server.port", "0", "spring.datasource.password", "",
						"qalam.demo.enabled", "false", "qalam.media.dir", "target/test-media/" + UUID.randomUUID(),
						"qalam.search.dir", "target/test-index/" + UUID.randomUUID()));
		all.putAll(settings);
		// As command-line arguments: those outrank application.yml
		return new SpringApplicationBuilder(QalamApplication.class).initializers(initializers)
			.run(all.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

}
