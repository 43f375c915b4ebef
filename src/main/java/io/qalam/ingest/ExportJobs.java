package io.qalam.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.qalam.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The newsroom's exports on this node: one at a time, in the background, into the data
 * directory's {@code exports} folder, where admins download them. The last one's progress
 * is kept in memory; the files stay until an admin deletes them.
 */
@Component
public class ExportJobs {

	private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

	private static final Pattern NAME = Pattern.compile("qalam-[0-9]{8}-[0-9]{6}(-with-passwords)?\\.zip");

	private final SiteExport export;

	private final Path dataDir;

	private final Path folder;

	private final Clock clock;

	private volatile Job last;

	ExportJobs(SiteExport export, @Value("${qalam.data-dir}") Path dataDir, Clock clock) {
		this.export = export;
		this.dataDir = dataDir;
		this.folder = dataDir.resolve("exports");
		this.clock = clock;
	}

	/**
	 * Starts an export in the background.
	 * @throws Refusal while another runs on this node
	 */
	public synchronized Job start(boolean withPasswords, String by) {
		if (this.last != null && this.last.state == State.RUNNING) {
			throw new Refusal(Text.of("export.busy"));
		}
		Path file = ArchiveCommand.newExportFile(this.dataDir, this.clock, withPasswords);
		Job job = new Job(file.getFileName().toString(), by, withPasswords, this.clock.instant());
		this.last = job;
		Workers.start("export", Thread.NORM_PRIORITY, () -> job.run(this.export, file));
		return job;
	}

	/** The export started last on this node, if any. */
	public Optional<Job> last() {
		return Optional.ofNullable(this.last);
	}

	/** The finished exports in the folder, newest first. */
	public List<ExportFile> files() throws IOException {
		List<ExportFile> files = new ArrayList<>();
		if (Files.isDirectory(this.folder)) {
			try (var listed = Files.list(this.folder)) {
				for (Path file : listed.filter((f) -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
					files.add(new ExportFile(file.getFileName().toString(), Files.size(file),
							Files.getLastModifiedTime(file).toInstant()));
				}
			}
		}
		files.sort(Comparator.comparing(ExportFile::name).reversed());
		return files;
	}

	/** A finished export by its name; nothing for a name that is not an export's. */
	public Optional<Path> file(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = this.folder.resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	/**
	 * @return whether there was such an export
	 */
	public boolean delete(String name) throws IOException {
		Optional<Path> file = file(name);
		return file.isPresent() && Files.deleteIfExists(file.get());
	}

	/** Where an export is. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	/** An export file: its name, its size in bytes, and when it was written. */
	public record ExportFile(String name, long size, Instant written) {

		public boolean withPasswords() {
			return this.name.contains("-with-passwords");
		}

	}

	/** One export in the background. */
	public static final class Job {

		private final String name;

		private final String by;

		private final boolean withPasswords;

		private final Instant startedAt;

		private volatile State state = State.RUNNING;

		private volatile int percent;

		private volatile SiteExport.Summary summary;

		private volatile String failure;

		Job(String name, String by, boolean withPasswords, Instant startedAt) {
			this.name = name;
			this.by = by;
			this.withPasswords = withPasswords;
			this.startedAt = startedAt;
		}

		void run(SiteExport export, Path file) {
			try {
				this.summary = export.write(file, this.withPasswords,
						(done, total) -> this.percent = (total > 0) ? (int) Math.min(100, done * 100 / total) : 100);
				this.percent = 100;
				this.state = State.DONE;
				log.info("Export by {}: {} rows, {} media files, {} bytes in {}", this.by, this.summary.totalRows(),
						this.summary.mediaFiles(), this.summary.bytes(), this.summary.took());
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Export by {} failed", this.by, ex);
				this.failure = ex.getMessage();
				this.state = State.FAILED;
			}
		}

		public String name() {
			return this.name;
		}

		public String by() {
			return this.by;
		}

		public boolean withPasswords() {
			return this.withPasswords;
		}

		public Instant startedAt() {
			return this.startedAt;
		}

		public State state() {
			return this.state;
		}

		public int percent() {
			return this.percent;
		}

		/** What the export wrote; null until it is done. */
		public SiteExport.Summary summary() {
			return this.summary;
		}

		/** Why it failed, or null. */
		public String failure() {
			return this.failure;
		}

	}

}
