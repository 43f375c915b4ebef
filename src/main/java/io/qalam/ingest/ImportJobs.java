package io.qalam.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.qalam.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The newsroom's WordPress imports on this node: the files an admin sent (streamed to the
 * data directory, at most {@code qalam.ingest.max-upload-size}) or named on the server,
 * the look at an export before it is imported, and one import at a time, in the
 * background, with its progress and report. Kept in memory: an import belongs to the node
 * that has its files.
 */
@Component
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** How an uploaded file is named in the forms, instead of a path. */
	public static final String UPLOADED = "upload:";

	private final WordPressImport importer;

	private final Path incoming;

	private final long maxUpload;

	private final Clock clock;

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	ImportJobs(WordPressImport importer, @Value("${qalam.data-dir}") Path dataDir,
			@Value("${qalam.ingest.max-upload-size}") DataSize maxUpload, Clock clock) {
		this.importer = importer;
		this.incoming = dataDir.resolve("imports").resolve("incoming");
		this.maxUpload = maxUpload.toBytes();
		this.clock = clock;
	}

	/** The largest file an admin may send, in bytes. */
	public long maxUpload() {
		return this.maxUpload;
	}

	/**
	 * Keeps a file an admin sends: an export ({@code .xml}) or a zip of the uploads
	 * folder, written to disk as it comes.
	 * @return how the forms name it ({@link #UPLOADED} and its number)
	 * @throws Refusal when it is too large, empty or no zip where one is wanted; nothing
	 * is kept then
	 */
	public String receive(InputStream body, long length, boolean zip) throws IOException {
		if (length > this.maxUpload) {
			throw new Refusal(Text.of("import.tooLarge", this.maxUpload / (1024 * 1024)));
		}
		Files.createDirectories(this.incoming);
		String id = UUID.randomUUID().toString();
		Path file = this.incoming.resolve(id + (zip ? ".zip" : ".xml"));
		long written = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n; (n = body.read(buffer)) > 0;) {
				written += n;
				if (written > this.maxUpload) {
					throw new Refusal(Text.of("import.tooLarge", this.maxUpload / (1024 * 1024)));
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		if (written == 0) {
			Files.deleteIfExists(file);
			throw new Refusal(Text.of("import.empty"));
		}
		if (zip) {
			try (ZipFile opened = new ZipFile(file.toFile())) {
				log.debug("Received a zip of {} entries", opened.size());
			}
			catch (IOException ex) {
				Files.deleteIfExists(file);
				throw new Refusal(Text.of("import.notZip"));
			}
		}
		return UPLOADED + id;
	}

	/**
	 * Prepares an import: the export and the uploads folder as the form names them (a
	 * path on the server, or a file sent before), looked at in the background.
	 * @throws Refusal naming the field that cannot be used
	 */
	public String prepare(String export, String uploads, String by) {
		Path exportFile = file(export, false)
			.orElseThrow(() -> new Refusal(Text.of("import.noExport"), Map.of("export", Text.of("import.noExport"))));
		Path uploadsPath = null;
		if (uploads != null && !uploads.isBlank()) {
			uploadsPath = file(uploads, true).orElseThrow(
					() -> new Refusal(Text.of("import.noUploads"), Map.of("uploads", Text.of("import.noUploads"))));
		}
		String id = UUID.randomUUID().toString();
		Job job = new Job(id, exportFile, uploadsPath, by, this.clock.instant());
		this.jobs.put(id, job);
		Workers.start("import-preview", Thread.NORM_PRIORITY, () -> job.scan(this.importer));
		return id;
	}

	// a file sent before, or a path on the server that can be read
	private Optional<Path> file(String named, boolean uploads) {
		String name = (named != null) ? named.strip() : "";
		if (name.isEmpty()) {
			return Optional.empty();
		}
		if (name.startsWith(UPLOADED)) {
			String id = name.substring(UPLOADED.length());
			if (!id.matches("[0-9a-f-]{36}")) {
				return Optional.empty();
			}
			Path file = this.incoming.resolve(id + (uploads ? ".zip" : ".xml"));
			return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
		}
		Path path = Path.of(name);
		if (!path.isAbsolute()) {
			return Optional.empty();
		}
		if (uploads) {
			return (Files.isDirectory(path)
					|| (Files.isRegularFile(path) && name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")))
							? Optional.of(path) : Optional.empty();
		}
		return (Files.isRegularFile(path) && Files.isReadable(path)) ? Optional.of(path) : Optional.empty();
	}

	public Optional<Job> find(String id) {
		return Optional.ofNullable(this.jobs.get(id));
	}

	/** This node's imports, newest first. */
	public List<Job> all() {
		return this.jobs.values().stream().sorted(Comparator.comparing(Job::preparedAt).reversed()).toList();
	}

	/**
	 * Starts a looked-at import in the background; one at a time on a node.
	 * @throws Refusal when another is running, or the options cannot be used
	 */
	public synchronized void start(String id, WordPressImport.Options options) {
		Job job = find(id).orElseThrow(() -> new Refusal(Text.of("import.unknown")));
		if (this.jobs.values().stream().anyMatch((other) -> other.state() == State.RUNNING)) {
			throw new Refusal(Text.of("import.busy"));
		}
		if (job.state() != State.READY) {
			throw new Refusal(Text.of("import.notReady"));
		}
		try {
			this.importer.check(options);
		}
		catch (IllegalArgumentException ex) {
			throw new Refusal(Text.of("import.badOptions", ex.getMessage()));
		}
		job.state = State.RUNNING;
		Workers.start("import", Thread.NORM_PRIORITY, () -> job.run(this.importer, options));
	}

	/** Where an import is. */
	public enum State {

		SCANNING, READY, RUNNING, DONE, FAILED

	}

	/** One import: its files, what the look at the export found, and how it went. */
	public static final class Job {

		private final String id;

		private final Path export;

		private final Path uploads;

		private final String by;

		private final Instant preparedAt;

		private volatile State state = State.SCANNING;

		private volatile WordPressImport.Preview preview;

		private volatile int percent;

		private volatile ImportReport report;

		private volatile String failure;

		Job(String id, Path export, Path uploads, String by, Instant preparedAt) {
			this.id = id;
			this.export = export;
			this.uploads = uploads;
			this.by = by;
			this.preparedAt = preparedAt;
		}

		void scan(WordPressImport importer) {
			try {
				this.preview = importer.preview(this.export);
				this.state = State.READY;
			}
			catch (IOException | RuntimeException ex) {
				this.failure = ex.getMessage();
				this.state = State.FAILED;
			}
		}

		void run(WordPressImport importer, WordPressImport.Options options) {
			try (WordPressUploads folder = WordPressUploads.of(this.uploads)) {
				this.report = importer.run(this.export, options, folder, (read, size, report) -> {
					this.percent = (size > 0) ? (int) Math.min(100, read * 100 / size) : 100;
					this.report = report;
				});
				this.percent = 100;
				this.failure = this.report.failure();
				this.state = (this.failure == null) ? State.DONE : State.FAILED;
				log.info("WordPress import by {}: {}", this.by, this.report.summary());
			}
			catch (IOException | RuntimeException ex) {
				log.warn("WordPress import by {} failed", this.by, ex);
				this.failure = ex.getMessage();
				this.state = State.FAILED;
			}
		}

		public String id() {
			return this.id;
		}

		public String exportName() {
			return this.export.getFileName().toString().matches("[0-9a-f-]{36}\\.xml") ? "" : this.export.toString();
		}

		public boolean withUploads() {
			return this.uploads != null;
		}

		public String by() {
			return this.by;
		}

		public Instant preparedAt() {
			return this.preparedAt;
		}

		public State state() {
			return this.state;
		}

		/** What the look at the export found; null until it is done. */
		public WordPressImport.Preview preview() {
			return this.preview;
		}

		public int percent() {
			return this.percent;
		}

		/** The report so far; null before the import starts. */
		public ImportReport report() {
			return this.report;
		}

		/** Why the look or the import failed, or null. */
		public String failure() {
			return this.failure;
		}

	}

}
