package io.qalam.platform;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code qalam.data-dir} ({@code QALAM_DATA_DIR}) an absolute path before anything
 * reads it: the embedded H2 refuses a database path that is relative without {@code ./}
 * (as in {@code QALAM_DATA_DIR=data}), and every other use is clearer in the log.
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "qalam.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			return;
		}
		Path path = Path.of(configured.strip());
		if (!path.isAbsolute()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("qalam-data-dir",
						Map.of(PROPERTY, path.toAbsolutePath().normalize().toString())));
		}
	}

	@Override
	public int getOrder() {
		// after application.yml and the environment have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
