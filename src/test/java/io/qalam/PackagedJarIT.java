package io.qalam;

import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator runs it: {@code java -jar} on a new data directory,
 * with the bean definitions worked out at build time. Runs after {@code package}
 * (Failsafe), so it checks what is shipped, not the classes the other tests use.
 */
class PackagedJarIT {

	@TempDir
	Path dir;

	@Test
	void theJarStartsOnANewDataDirectoryAndServesTheSite() throws Exception {
		startAndServe();
	}

	@Test
	void theJarStartsOnPostgresql() throws Exception {
		// Boot's choices were made at build time with H2's settings: the same jar must
		// take PostgreSQL from the database address alone
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			startAndServe("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=");
		}
	}

	@Test
	void theTrainingRunOfTheStartRecipeReadsTheSiteAndStops() throws Exception {
		// README: the run that makes the class archive or ahead-of-time cache
		PackagedJar.Finished run = PackagedJar.command(this.dir.resolve("data"), "--qalam.training-run=true",
				"--server.port=0", "--qalam.widgets.refresh.initial-delay=PT24H");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Training run: read " + 60 + " pages; stopping");
	}

	private void startAndServe(String... settings) throws Exception {
		try (PackagedJar qalam = PackagedJar.start(this.dir.resolve("data"), List.of("-Xmx256m"), settings)) {
			WebClient web = qalam.web();
			assertThat(web.get("/ru/").body()).contains("<html");
			assertThat(qalam.output()).contains("Starting AOT-processed QalamApplication")
				.contains("Password (shown only this once)")
				.contains(settings.length == 0 ? "jdbc:h2:file:" : "jdbc:postgresql:");
			assertThat(web.get("/actuator/health").body()).contains("\"status\":");
			var newsroom = web.get("/newsroom");
			assertThat(newsroom.statusCode()).isEqualTo(302);
			assertThat(newsroom.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/login");
			assertThat(web.get("/newsroom/login").statusCode()).isEqualTo(200);
			// No proxy is trusted unless named: forwarded headers from this client are
			// ignored
			var forwarded = web.get("/newsroom/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "192.0.2.7");
			assertThat(forwarded.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
		}
	}

}
