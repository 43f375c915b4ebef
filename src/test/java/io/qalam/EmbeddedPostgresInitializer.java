package io.qalam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts one real PostgreSQL for the whole test run and points the application at it
 * through {@code spring.datasource.*}, the same settings production uses.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the process is ending anyway
				}
			}));
		}
		return postgres;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedPostgres db = postgres();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", db.getJdbcUrl("postgres", "postgres"), "spring.datasource.username",
							"postgres", "spring.datasource.password", "")));
	}

}
