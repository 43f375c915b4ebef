package io.qalam.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import io.qalam.media.MediaLibrary;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes everything the site holds into one zip: a manifest, each table of content and
 * settings as JSON lines ({@code tables/articles.jsonl}, one row per line) and the media
 * library's files ({@code media/12/960.jpg}). Read in one snapshot of the database, so
 * the export is consistent while the site keeps working. Password hashes and API token
 * digests only when asked for; sealed secrets never. {@link SiteRestore} reads it back.
 */
@Component
public class SiteExport {

	/** The export's format; a restore refuses other numbers. */
	static final int FORMAT = 1;

	static final String MANIFEST = "manifest.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final PlatformTransactionManager transactions;

	private final MediaLibrary media;

	private final Flyway flyway;

	private final Clock clock;

	SiteExport(DataSource dataSource, PlatformTransactionManager transactions, MediaLibrary media, Flyway flyway,
			Clock clock) {
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.media = media;
		this.flyway = flyway;
		this.clock = clock;
	}

	/** How far an export or restore is: {@code done} of {@code total} rows and files. */
	@FunctionalInterface
	public interface Progress {

		void at(long done, long total);

	}

	/**
	 * What an export wrote.
	 *
	 * @param rows rows per table, in restore order
	 */
	public record Summary(Path file, Map<String, Long> rows, long mediaFiles, long bytes, boolean withCredentials,
			Duration took) {

		public long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * Writes the export to {@code target}, which appears only once it is whole.
	 * @param withCredentials whether password hashes and API token digests go in
	 */
	public Summary write(Path target, boolean withCredentials, Progress progress) throws IOException {
		Instant started = this.clock.instant();
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		Files.createDirectories(target.toAbsolutePath().getParent());
		Map<String, Long> rows = new LinkedHashMap<>();
		Set<Long> images = new TreeSet<>();
		long mediaFiles = 0;
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
			zip.setLevel(Deflater.BEST_SPEED);
			long[] done = { 0 };
			long[] total = { 0 };
			TransactionTemplate snapshot = new TransactionTemplate(this.transactions);
			snapshot.setReadOnly(true);
			snapshot.setIsolationLevel(snapshotIsolation());
			snapshot.executeWithoutResult((status) -> {
				Connection connection = DataSourceUtils.getConnection(this.dataSource);
				try {
					checkTables(connection);
					Map<String, Long> counts = new LinkedHashMap<>();
					for (String table : tables(withCredentials)) {
						counts.put(table, ArchiveSchema.count(connection, table));
					}
					total[0] = counts.values().stream().mapToLong(Long::longValue).sum();
					for (String table : counts.keySet()) {
						long written = writeTable(connection, table, withCredentials, zip, images, () -> {
							if (++done[0] % 500 == 0) {
								progress.at(done[0], total[0]);
							}
						});
						rows.put(table, written);
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not read the database: " + ex.getMessage(), ex);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				finally {
					DataSourceUtils.releaseConnection(connection, this.dataSource);
				}
			});
			// pictures are compressed already
			zip.setLevel(Deflater.NO_COMPRESSION);
			List<Map.Entry<Long, Map<String, Path>>> files = new ArrayList<>();
			for (long image : images) {
				files.add(Map.entry(image, this.media.files(image)));
			}
			long allFiles = files.stream().mapToLong((f) -> f.getValue().size()).sum();
			total[0] += allFiles;
			for (Map.Entry<Long, Map<String, Path>> image : files) {
				for (Map.Entry<String, Path> file : image.getValue().entrySet()) {
					zip.putNextEntry(new ZipEntry("media/" + image.getKey() + "/" + file.getKey()));
					Files.copy(file.getValue(), zip);
					zip.closeEntry();
					mediaFiles++;
					progress.at(++done[0], total[0]);
				}
			}
			zip.setLevel(Deflater.BEST_SPEED);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(JSON.writerWithDefaultPrettyPrinter()
				.writeValueAsBytes(manifest(rows, mediaFiles, withCredentials, started)));
			zip.closeEntry();
			progress.at(done[0], total[0]);
		}
		catch (UncheckedIOException ex) {
			Files.deleteIfExists(partial);
			throw ex.getCause();
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new Summary(target, rows, mediaFiles, Files.size(target), withCredentials,
				Duration.between(started, this.clock.instant()));
	}

	/** The schema's version, as the migrations left it. */
	String schemaVersion() {
		var current = this.flyway.info().current();
		return (current != null && current.getVersion() != null) ? current.getVersion().getVersion() : "";
	}

	// One snapshot of every table: PostgreSQL's repeatable read is one; H2 takes each
	// table's snapshot at its first read unless serializable
	private int snapshotIsolation() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres") ? TransactionDefinition.ISOLATION_REPEATABLE_READ
						: TransactionDefinition.ISOLATION_SERIALIZABLE;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database: " + ex.getMessage(), ex);
		}
	}

	private static List<String> tables(boolean withCredentials) {
		return ArchiveTables.EXPORTED.stream()
			.filter((t) -> withCredentials || !ArchiveTables.CREDENTIAL_TABLES.contains(t))
			.toList();
	}

	private static void checkTables(Connection connection) throws SQLException {
		List<String> present = ArchiveSchema.tables(connection);
		List<String> unknown = present.stream()
			.filter((t) -> !ArchiveTables.EXPORTED.contains(t) && !ArchiveTables.LEFT_OUT.containsKey(t))
			.toList();
		List<String> missing = ArchiveTables.EXPORTED.stream().filter((t) -> !present.contains(t)).toList();
		if (!unknown.isEmpty() || !missing.isEmpty()) {
			throw new IllegalStateException("The export does not know the database's tables: new " + unknown
					+ ", missing " + missing + ". Name each in ArchiveTables.");
		}
	}

	private long writeTable(Connection connection, String table, boolean withCredentials, ZipOutputStream zip,
			Set<Long> images, Runnable row) throws SQLException, IOException {
		List<ArchiveSchema.Column> columns = ArchiveSchema.columns(connection, table)
			.stream()
			.filter((c) -> !ArchiveTables.leftOut(table, c.name(), withCredentials))
			.toList();
		List<String> key = ArchiveSchema.primaryKey(connection, table);
		String order = key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key);
		String select = "SELECT " + String.join(", ", columns.stream().map(ArchiveSchema.Column::name).toList())
				+ " FROM " + table + order;
		zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
		long written = 0;
		try (PreparedStatement statement = connection.prepareStatement(select)) {
			// streamed: PostgreSQL's driver holds the whole result otherwise
			statement.setFetchSize(500);
			try (ResultSet rs = statement.executeQuery()) {
				OutputStream out = zip;
				while (rs.next()) {
					Map<String, Object> values = new LinkedHashMap<>();
					for (int i = 0; i < columns.size(); i++) {
						values.put(columns.get(i).name(), ArchiveSchema.read(rs, i + 1, columns.get(i).kind()));
					}
					if ("images".equals(table)) {
						images.add(((Number) values.get("id")).longValue());
					}
					out.write(JSON.writeValueAsBytes(values));
					out.write('\n');
					written++;
					row.run();
				}
			}
		}
		zip.closeEntry();
		return written;
	}

	private Map<String, Object> manifest(Map<String, Long> rows, long mediaFiles, boolean withCredentials,
			Instant started) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("application", "Qalam");
		manifest.put("schema", schemaVersion());
		manifest.put("exportedAt", started.toString());
		manifest.put("withCredentials", withCredentials);
		manifest.put("tables", rows);
		manifest.put("mediaFiles", mediaFiles);
		manifest.put("leftOut", ArchiveTables.LEFT_OUT);
		return manifest;
	}

}
