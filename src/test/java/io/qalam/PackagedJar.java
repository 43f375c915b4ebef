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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar in a process of its own, as an operator starts it ({@code java -jar}
 * on a data directory), for the Failsafe tests that need what a test JVM cannot give: a
 * start from the shipped bytes, a {@code kill -9}, a small heap.
 */
public final class PackagedJar implements AutoCloseable {

	private static final Pattern FIRST_PASSWORD = Pattern.compile("Password \\(shown only this once\\): (\\S+)");

	private final Process process;

	private final int port;

	private final Path log;

	private PackagedJar(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar on {@code dataDir} (kept between starts) and waits for its first
	 * page.
	 * @param jvmOptions options for the JVM, such as {@code -Xmx128m}
	 * @param settings Spring settings, such as {@code --spring.datasource.url=…}
	 */
	public static PackagedJar start(Path dataDir, List<String> jvmOptions, String... settings) throws Exception {
		Files.createDirectories(dataDir);
		int port = freePort();
		Path log = Files.createTempFile(dataDir.getParent(), "qalam-", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// as the README says to start it
		command.add("-XX:+ExitOnOutOfMemoryError");
		// what the build asks of every jar a test starts (pom.xml: Failsafe)
		String testOptions = System.getProperty("packaged-jar.jvm-options", "").strip();
		if (!testOptions.isEmpty()) {
			command.addAll(List.of(testOptions.split("\\s+")));
		}
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
		// no fetches from outside unless the test asks for them
		if (java.util.Arrays.stream(settings)
			.noneMatch((s) -> s.startsWith("--qalam.widgets.refresh.initial-delay="))) {
			command.add("--qalam.widgets.refresh.initial-delay=PT24H");
		}
		command.addAll(List.of(settings));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("QALAM_DATA_DIR", dataDir.toString());
		PackagedJar jar = new PackagedJar(builder.start(), port, log);
		jar.awaitFirstPage();
		return jar;
	}

	/**
	 * Runs one of the jar's commands ({@code import wordpress …}) on {@code dataDir} to
	 * its end, at most five minutes.
	 * @return its exit code and everything it printed
	 */
	public static Finished command(Path dataDir, String... words) throws Exception {
		return command(dataDir, java.util.Map.of(), words);
	}

	/**
	 * Runs one of the jar's commands with more of the environment set, such as
	 * {@code QALAM_DB_URL}.
	 */
	public static Finished command(Path dataDir, java.util.Map<String, String> environment, String... words)
			throws Exception {
		Files.createDirectories(dataDir);
		Path log = Files.createTempFile(dataDir.getParent(), "qalam-command-", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		String testOptions = System.getProperty("packaged-jar.jvm-options", "").strip();
		if (!testOptions.isEmpty()) {
			command.addAll(List.of(testOptions.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar().toString()));
		command.addAll(List.of(words));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("QALAM_DATA_DIR", dataDir.toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the command ran longer than 5 minutes:\n" + Files.readString(log));
		}
		return new Finished(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	/** A command that ended. */
	public record Finished(int exitCode, String output) {
	}

	public int port() {
		return this.port;
	}

	public WebClient web() {
		return new WebClient(this.port);
	}

	/** Everything the process printed so far. */
	public String output() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	/** The first admin's password, printed once on the first start. */
	public String firstAdminPassword() throws IOException {
		Matcher matcher = FIRST_PASSWORD.matcher(output());
		assertThat(matcher.find()).as("the first start prints the admin's password").isTrue();
		return matcher.group(1);
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits for the process to end by itself, at most {@code timeout}. */
	public boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** {@code kill -9}: the process ends at once, with nothing written after. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A graceful stop (SIGTERM), forced after a minute. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	private void awaitFirstPage() throws Exception {
		WebClient web = web();
		Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(giveUp)) {
			assertThat(this.process.isAlive()).as("the jar stopped:%n%s", output()).isTrue();
			try {
				if (web.get("/ru/").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		close();
		throw new AssertionError("no page within 3 minutes:\n" + output());
	}

	private static Path jar() throws IOException {
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
