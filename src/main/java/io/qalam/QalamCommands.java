package io.qalam;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import io.qalam.ingest.ImportCommand;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar's commands ({@code java -jar qalam.jar import wordpress …}): the application
 * without an open port, scheduled work or a search index of its own
 * ({@code qalam.command-line}), quiet but for warnings, on the same configuration and
 * database as the site.
 */
final class QalamCommands {

	// H2's "Database may be already in use": another process holds the file
	private static final int H2_DATABASE_IN_USE = 90020;

	private QalamCommands() {
	}

	static boolean isCommand(String word) {
		return "import".equals(word);
	}

	/**
	 * @return the process's exit code
	 */
	static int run(String[] args, PrintStream out) {
		List<String> words = Arrays.asList(args);
		if (words.size() < 2 || !"wordpress".equals(words.get(1))) {
			out.println(ImportCommand.USAGE);
			return 2;
		}
		ImportCommand.Arguments arguments;
		try {
			arguments = ImportCommand.parse(words.subList(2, words.size()));
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(ImportCommand.USAGE);
			return 2;
		}
		ConfigurableApplicationContext context;
		try {
			// server.port=-1: the application as the site has it, but no port is opened.
			// Given as arguments, which win over application.yml and the environment
			context = new SpringApplicationBuilder(QalamApplication.class).bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run("--server.port=-1", "--qalam.command-line=true", "--qalam.demo.enabled=false",
						"--logging.level.root=WARN",
						// a start that fails is told in one line below, the stack trace
						// after it
						"--logging.level.org.springframework=OFF", "--logging.level.org.flywaydb=ERROR",
						"--spring.main.register-shutdown-hook=false");
		}
		catch (RuntimeException ex) {
			if (inUse(ex)) {
				out.println("""
						The database is in use by a running Qalam. On the embedded H2 database the import \
						runs while the site is stopped: stop it, run the import, start the site again. \
						(On PostgreSQL the import may run beside the site.)""");
				return 3;
			}
			out.println("Qalam could not start: " + rootMessage(ex));
			throw ex;
		}
		try (context) {
			return context.getBean(ImportCommand.class).run(arguments, out);
		}
		catch (java.io.IOException ex) {
			out.println("Cannot read or write: " + ex.getMessage());
			return 1;
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	private static boolean inUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
				return true;
			}
		}
		return false;
	}

}
