package io.qalam.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar qalam.jar export [FILE.zip] [--with-passwords]} and
 * {@code java -jar qalam.jar restore FILE.zip}: the site's export and its restore into a
 * new database, from the command line, with a progress bar.
 */
@Component
public class ArchiveCommand {

	/** How to call them, for a wrong call. */
	public static final String USAGE = """
			Usage: java -jar qalam.jar export [FILE.zip] [--with-passwords]
			         everything the site holds, into one zip (default: data/exports/qalam-DATE.zip);
			         --with-passwords keeps the accounts' password hashes and the API tokens
			       java -jar qalam.jar restore FILE.zip
			         puts an export back into a new data directory or an empty PostgreSQL database
			On the embedded H2 database, stop the site first (or export from the newsroom: Export).""";

	private final SiteExport export;

	private final SiteRestore restore;

	private final Path dataDir;

	private final Clock clock;

	ArchiveCommand(SiteExport export, SiteRestore restore, @Value("${qalam.data-dir}") Path dataDir, Clock clock) {
		this.export = export;
		this.restore = restore;
		this.dataDir = dataDir;
		this.clock = clock;
	}

	/**
	 * Reads the words after {@code export}.
	 * @throws IllegalArgumentException saying what is wrong with them
	 */
	public static ExportArguments parseExport(List<String> words) {
		Path file = null;
		boolean withPasswords = false;
		for (String word : words) {
			if ("--with-passwords".equals(word)) {
				withPasswords = true;
			}
			else if (word.startsWith("--")) {
				throw new IllegalArgumentException("Unknown option " + word);
			}
			else if (file != null) {
				throw new IllegalArgumentException("One file at a time: " + file + " and " + word);
			}
			else {
				file = Path.of(word);
			}
		}
		if (file != null) {
			if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
				throw new IllegalArgumentException("The export is a zip: name it FILE.zip, not " + file);
			}
			if (Files.exists(file)) {
				throw new IllegalArgumentException(file.toAbsolutePath() + " exists already; name a new file");
			}
		}
		return new ExportArguments(file, withPasswords);
	}

	/**
	 * Reads the words after {@code restore}.
	 * @throws IllegalArgumentException saying what is wrong with them
	 */
	public static Path parseRestore(List<String> words) {
		if (words.size() != 1 || words.get(0).startsWith("--")) {
			throw new IllegalArgumentException("Name the one export to restore");
		}
		Path file = Path.of(words.get(0));
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new IllegalArgumentException("Cannot read the export " + file.toAbsolutePath());
		}
		return file;
	}

	/**
	 * @return the exit code: 0 written, 1 failed (nothing is left behind)
	 */
	public int export(ExportArguments arguments, PrintStream out) throws IOException {
		Path file = (arguments.file() != null) ? arguments.file()
				: newExportFile(this.dataDir, this.clock, arguments.withPasswords());
		out.println("Exporting to " + file.toAbsolutePath()
				+ (arguments.withPasswords() ? " (with password hashes and API tokens: keep it safe)" : ""));
		ProgressBar bar = new ProgressBar(out);
		SiteExport.Summary summary = this.export.write(file, arguments.withPasswords(),
				(done, total) -> bar.at(done, total, String.format("%,d of %,d rows and files", done, total)));
		out.println();
		out.println(String.format("Exported %,d rows of %d tables and %,d media files in %.1f s: %s (%,d bytes)",
				summary.totalRows(), summary.rows().size(), summary.mediaFiles(), summary.took().toMillis() / 1000.0,
				summary.file().toAbsolutePath(), summary.bytes()));
		return 0;
	}

	/**
	 * @return the exit code: 0 restored, 1 refused or failed (nothing restored)
	 */
	public int restore(Path file, PrintStream out) throws IOException {
		out.println("Restoring " + file.toAbsolutePath());
		ProgressBar bar = new ProgressBar(out);
		SiteRestore.Summary summary;
		try {
			summary = this.restore.restore(file,
					(done, total) -> bar.at(done, total, String.format("%,d of %,d rows and files", done, total)));
		}
		catch (SiteRestore.Refused ex) {
			out.println();
			out.println(ex.getMessage());
			return 1;
		}
		out.println();
		out.println(String.format("Restored %,d rows of %d tables and %,d media files in %.1f s.", summary.totalRows(),
				summary.rows().size(), summary.mediaFiles(), summary.took().toMillis() / 1000.0));
		if (!summary.temporaryPasswords().isEmpty()) {
			// printed once, like the first start's password: the export held no hashes
			out.println("The export held no passwords. Temporary passwords for the admins (shown only this once, "
					+ "to be changed at first login):");
			summary.temporaryPasswords()
				.forEach((username, password) -> out.println("  " + username + "  " + password));
		}
		summary.notes().forEach(out::println);
		out.println("Start the site now; it builds its search index in the background.");
		return 0;
	}

	/** A new export's file in the data directory, named by the time. */
	static Path newExportFile(Path dataDir, Clock clock, boolean withPasswords) {
		return dataDir.resolve("exports")
			.resolve("qalam-"
					+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atOffset(ZoneOffset.UTC))
					+ (withPasswords ? "-with-passwords" : "") + ".zip");
	}

	/**
	 * The words of {@code export}.
	 *
	 * @param file null for a new file in the data directory's {@code exports}
	 */
	public record ExportArguments(Path file, boolean withPasswords) {
	}

}
