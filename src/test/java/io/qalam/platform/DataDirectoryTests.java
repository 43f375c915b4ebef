package io.qalam.platform;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code QALAM_DATA_DIR=data} works like {@code ./data}: the path is made absolute. */
class DataDirectoryTests {

	@Test
	void aRelativeDataDirectoryBecomesAbsoluteEverywhereItIsUsed() {
		StandardEnvironment environment = environment("data");
		new DataDirectory().postProcessEnvironment(environment, new SpringApplication());
		String absolute = Path.of("data").toAbsolutePath().toString();
		assertThat(environment.getProperty("qalam.data-dir")).isEqualTo(absolute);
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:h2:file:" + absolute + "/db/qalam");
	}

	@Test
	void anAbsoluteDataDirectoryIsKept() {
		StandardEnvironment environment = environment("/srv/qalam");
		new DataDirectory().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("qalam.data-dir")).isEqualTo("/srv/qalam");
	}

	private static StandardEnvironment environment(String dataDir) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("test", Map.of("qalam.data-dir", dataDir, "spring.datasource.url",
					"jdbc:h2:file:${qalam.data-dir}/db/qalam")));
		return environment;
	}

}
