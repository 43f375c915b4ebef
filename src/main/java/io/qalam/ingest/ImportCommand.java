package io.qalam.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.edition.Editions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar qalam.jar import wordpress export.xml [--edition ru] [--section
 * category=section]… [--language kz=kk]…}: the WordPress import from the command line,
 * with a progress bar and the report written to the data directory. Runs no web server
 * and no scheduled work (see {@code QalamCommands}).
 */
@Component
public class ImportCommand {

	/** How to call it, for a wrong call. */
	public static final String USAGE = """
			Usage: java -jar qalam.jar import wordpress EXPORT.xml [options]
			  --edition CODE          edition of posts without a language (default: the site's default)
			  --section CATEGORY=SLUG put a WordPress category's posts into an existing section (repeatable)
			  --language LANG=CODE    a Polylang language that is not an edition code, e.g. kz=kk (repeatable)
			  --uploads DIR|ZIP       WordPress's wp-content/uploads folder, or a zip of it: pictures into the media library
			On the embedded H2 database, stop the site first; on PostgreSQL the import may run beside it.""";

	private final WordPressImport importer;

	private final Editions editions;

	private final Path dataDir;

	private final Clock clock;

	ImportCommand(WordPressImport importer, Editions editions, @Value("${qalam.data-dir}") Path dataDir, Clock clock) {
		this.importer = importer;
		this.editions = editions;
		this.dataDir = dataDir;
		this.clock = clock;
	}

	/**
	 * Reads the command's words after {@code import wordpress}.
	 * @throws IllegalArgumentException saying what is wrong with them
	 */
	public static Arguments parse(List<String> words) {
		Path file = null;
		Path uploads = null;
		String edition = null;
		Map<String, String> sections = new LinkedHashMap<>();
		Map<String, String> languages = new LinkedHashMap<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			switch (word) {
				case "--edition" -> edition = value(words, ++i, word);
				case "--section" -> pair(value(words, ++i, word), word, sections);
				case "--language" -> pair(value(words, ++i, word), word, languages);
				case "--uploads" -> uploads = Path.of(value(words, ++i, word));
				default -> {
					if (word.startsWith("--")) {
						throw new IllegalArgumentException("Unknown option " + word);
					}
					if (file != null) {
						throw new IllegalArgumentException("One export at a time: " + file + " and " + word);
					}
					file = Path.of(word);
				}
			}
		}
		if (file == null) {
			throw new IllegalArgumentException("Name the WordPress export file (WXR, .xml)");
		}
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new IllegalArgumentException("Cannot read the export " + file.toAbsolutePath());
		}
		if (uploads != null && !Files.isDirectory(uploads) && !(Files.isRegularFile(uploads)
				&& uploads.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))) {
			throw new IllegalArgumentException(
					"--uploads takes the wp-content/uploads folder or a .zip of it: " + uploads.toAbsolutePath());
		}
		return new Arguments(file, edition, languages, sections, uploads);
	}

	private static String value(List<String> words, int at, String option) {
		if (at >= words.size() || words.get(at).startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return words.get(at);
	}

	private static void pair(String value, String option, Map<String, String> into) {
		int equals = value.indexOf('=');
		if (equals <= 0 || equals == value.length() - 1) {
			throw new IllegalArgumentException(option + " takes FROM=TO, not '" + value + "'");
		}
		into.put(value.substring(0, equals).strip(), value.substring(equals + 1).strip());
	}

	/**
	 * Runs the import and prints its progress and report.
	 * @return the process's exit code: 0 done, 1 the file broke off (what came before is
	 * imported), 2 the command was wrong
	 */
	public int run(Arguments arguments, PrintStream out) throws IOException {
		WordPressImport.Options options = new WordPressImport.Options(
				(arguments.edition() != null) ? arguments.edition() : this.editions.defaultEdition().code(),
				arguments.languages(), arguments.sections());
		try {
			this.importer.check(options);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 2;
		}
		out.println("Importing " + arguments.file() + " (posts without a language go to " + options.edition() + ")");
		ImportReport report;
		try (WordPressUploads uploads = WordPressUploads.of(arguments.uploads())) {
			report = this.importer.run(arguments.file(), options, uploads, progress(new ProgressBar(out)));
		}
		catch (WxrReader.Malformed ex) {
			out.println();
			out.println(ex.getMessage());
			return 1;
		}
		out.println();
		out.println(report.summary());
		report.counts().forEach((what, count) -> out.println("  " + what + ": " + String.format("%,d", count)));
		Path written = write(report, arguments.file());
		out.println("Every item skipped or changed on the way in, with why: " + written);
		if (report.failure() != null) {
			out.println(report.failure());
			return 1;
		}
		return 0;
	}

	private static WordPressImport.Progress progress(ProgressBar bar) {
		return (read, size, report) -> bar.at(read, size,
				String.format("%,d imported, %,d updated, %,d unchanged, %,d skipped", report.imported(),
						report.updated(), report.unchanged(), report.skipped()));
	}

	private Path write(ImportReport report, Path export) throws IOException {
		Path dir = Files.createDirectories(this.dataDir.resolve("imports"));
		Path file = dir.resolve("wordpress-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(this.clock.instant().atOffset(ZoneOffset.UTC))
				+ ".txt");
		List<String> lines = new ArrayList<>();
		lines.add("WordPress import of " + export.toAbsolutePath());
		lines.add(report.summary());
		if (report.failure() != null) {
			lines.add(report.failure());
		}
		report.lines().forEach((line) -> lines.add(line.toString()));
		return Files.write(file, lines, StandardCharsets.UTF_8);
	}

	/**
	 * The command's words.
	 *
	 * @param edition null for the site's default edition
	 * @param uploads WordPress's uploads folder or a zip of it, or null
	 */
	public record Arguments(Path file, String edition, Map<String, String> languages, Map<String, String> sections,
			Path uploads) {
	}

}
