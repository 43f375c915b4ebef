package io.qalam;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
	Path dataDir;

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

	private void startAndServe(String... settings) throws Exception {
		Path jar = packagedJar();
		int port = freePort();
		Path log = this.dataDir.resolve("qalam.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						jar.toString(), "--server.port=" + port, "--qalam.widgets.refresh.initial-delay=PT24H"));
		command.addAll(List.of(settings));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("QALAM_DATA_DIR", this.dataDir.resolve("data").toString());
		Process qalam = builder.start();
		try {
			WebClient web = new WebClient(port);
			assertThat(firstPage(web, qalam, log)).contains("<html");
			String output = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(output).contains("Starting AOT-processed QalamApplication")
				.contains("Password (shown only this once)")
				.contains(settings.length == 0 ? "jdbc:h2:file:" : "jdbc:postgresql:");
			assertThat(web.get("/actuator/health").body()).contains("\"status\":");
			var newsroom = web.get("/newsroom");
			assertThat(newsroom.statusCode()).isEqualTo(302);
			assertThat(newsroom.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/login");
			assertThat(web.get("/newsroom/login").statusCode()).isEqualTo(200);
		}
		finally {
			qalam.destroy();
			if (!qalam.waitFor(60, TimeUnit.SECONDS)) {
				qalam.destroyForcibly();
			}
		}
	}

	private static String firstPage(WebClient web, Process qalam, Path log) throws Exception {
		Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(giveUp)) {
			assertThat(qalam.isAlive()).as("the jar stopped:%n%s", Files.readString(log)).isTrue();
			try {
				var response = web.get("/ru/");
				if (response.statusCode() == 200) {
					return response.body();
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no page within 3 minutes:\n" + Files.readString(log));
	}

	private static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((file) -> file.getFileName().toString().matches("qalam-.*\\.jar")).toList();
			assertThat(jars).as("the packaged jar in target/").hasSize(1);
			return jars.get(0);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
