package io.qalam;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.qalam.ingest.ArchiveCommand;
import io.qalam.ingest.ImportCommand;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar's commands ({@code import wordpress …}, {@code export}, {@code restore}): the
 * application without an open port, scheduled work or a search index of its own
 * ({@code qalam.command-line}), quiet but for warnings, on the same configuration and
 * database as the site.
 */
final class QalamCommands {

	// H2's "Database may be already in use": another process holds the file
	private static final int H2_DATABASE_IN_USE = 90020;

	private QalamCommands() {
	}

	static boolean isCommand(String word) {
		return "import".equals(word) || "export".equals(word) || "restore".equals(word);
	}

	/** A command's work, once the application is up. */
	private interface Work {

		int run(ConfigurableApplicationContext context) throws IOException;

	}

	/**
	 * @return the process's exit code
	 */
	static int run(String[] args, PrintStream out) {
		List<String> words = Arrays.asList(args);
		String usage = "import".equals(words.get(0)) ? ImportCommand.USAGE : ArchiveCommand.USAGE;
		Work work;
		try {
			work = parse(words, out);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(usage);
			return 2;
		}
		List<String> settings = new ArrayList<>(List.of("--server.port=-1", "--qalam.command-line=true",
				"--qalam.demo.enabled=false", "--logging.level.root=WARN",
				// a start that fails is told in one line below, the stack trace after it
				"--logging.level.org.springframework=OFF", "--logging.level.org.flywaydb=ERROR",
				"--spring.main.register-shutdown-hook=false"));
		if ("restore".equals(words.get(0))) {
			// the restore brings the first admin and the sections with it
			settings.add("--qalam.first-start=false");
		}
		ConfigurableApplicationContext context;
		try {
			// server.port=-1: the application as the site has it, but no port is opened.
			// Given as arguments, which win over application.yml and the environment
			context = new SpringApplicationBuilder(QalamApplication.class).bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run(settings.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			if (inUse(ex)) {
				out.println("""
						The database is in use by a running Qalam. On the embedded H2 database this command \
						runs while the site is stopped: stop it, run the command, start the site again. \
						(On PostgreSQL it may run beside the site; an export can also be made in the newsroom.)""");
				return 3;
			}
			out.println("Qalam could not start: " + rootMessage(ex));
			throw ex;
		}
		try (context) {
			return work.run(context);
		}
		catch (IOException ex) {
			out.println("Cannot read or write: " + ex.getMessage());
			return 1;
		}
	}

	private static Work parse(List<String> words, PrintStream out) {
		List<String> rest = words.subList(1, words.size());
		return switch (words.get(0)) {
			case "import" -> {
				if (rest.isEmpty() || !"wordpress".equals(rest.get(0))) {
					throw new IllegalArgumentException("Import what? Only WordPress exports: import wordpress FILE");
				}
				ImportCommand.Arguments arguments = ImportCommand.parse(rest.subList(1, rest.size()));
				yield (context) -> context.getBean(ImportCommand.class).run(arguments, out);
			}
			case "export" -> {
				ArchiveCommand.ExportArguments arguments = ArchiveCommand.parseExport(rest);
				yield (context) -> context.getBean(ArchiveCommand.class).export(arguments, out);
			}
			default -> {
				java.nio.file.Path file = ArchiveCommand.parseRestore(rest);
				yield (context) -> context.getBean(ArchiveCommand.class).restore(file, out);
			}
		};
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
