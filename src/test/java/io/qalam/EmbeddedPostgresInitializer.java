package io.qalam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL for an application context and points the application at it
 * through {@code spring.datasource.*}, the same settings production uses. The database is
 * stopped by the context itself, after the connection pool, so the test JVM ends cleanly.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedPostgres postgres;
		try {
			// No JVM shutdown hook of its own: it would stop the database while the
			// context
			// still needs it for closing, and the test JVM would hang at exit
			postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
		// Registered first, so destroyed last: after the pool has closed its connections
		DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
		beans.registerSingleton("embeddedPostgres", postgres);
		beans.registerDisposableBean("embeddedPostgres", postgres::close);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
							"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

}
