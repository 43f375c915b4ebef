package io.qalam.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.SecretBox;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a {@link SiteExport} back into a database where only the migrations ran: a new
 * data directory, or an empty PostgreSQL database before the site's first start. All rows
 * go in one transaction and the media files are removed again if it fails, so a restore
 * that stops leaves the database as empty as it found it. Anything else — a database with
 * content, an export of another schema version, a damaged or foreign file — is refused
 * before anything is written.
 */
@Component
public class SiteRestore {

	// the longest row a table's file may hold; the longest real one is an article body
	private static final int MAX_LINE = 16 * 1024 * 1024;

	private static final long MAX_MEDIA_FILE = 64L * 1024 * 1024;

	private static final Pattern MEDIA_ENTRY = Pattern.compile("media/([1-9][0-9]{0,17})/([^/]+)");

	private static final Pattern TABLE_ENTRY = Pattern.compile("tables/([a-z_]+)\\.jsonl");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String WITHOUT_PASSWORD = "{restored}";

	private final DataSource dataSource;

	private final PlatformTransactionManager transactions;

	private final MediaLibrary media;

	private final UserAccounts accounts;

	private final SecretBox secrets;

	private final SiteExport export;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SiteRestore(DataSource dataSource, PlatformTransactionManager transactions, MediaLibrary media,
			UserAccounts accounts, SecretBox secrets, SiteExport export, Clock clock) {
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.media = media;
		this.accounts = accounts;
		this.secrets = secrets;
		this.export = export;
		this.clock = clock;
	}

	/**
	 * What a restore put back.
	 *
	 * @param temporaryPasswords for an export without password hashes: a new password for
	 * each admin that can log in, to be changed at first login
	 * @param notes what the restored site still needs from its admin
	 */
	public record Summary(Map<String, Long> rows, long mediaFiles, Map<String, String> temporaryPasswords,
			List<String> notes, Duration took) {

		public long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** A restore that cannot be done; the message says why, for the admin. */
	public static class Refused extends Exception {

		Refused(String message) {
			super(message);
		}

	}

	public Summary restore(Path archive, SiteExport.Progress progress) throws IOException, Refused {
		Instant started = this.clock.instant();
		ZipFile zip;
		try {
			zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8);
		}
		catch (ZipException ex) {
			throw new Refused(archive + " is not a Qalam export (not a zip file).");
		}
		try (zip) {
			Manifest manifest = manifest(zip);
			List<ZipEntry> mediaEntries = checkEntries(zip, manifest);
			checkEmpty();
			long total = manifest.totalRows() + mediaEntries.size();
			long[] done = { 0 };
			Set<Long> imagesWritten = new TreeSet<>();
			try {
				for (ZipEntry entry : mediaEntries) {
					Matcher name = MEDIA_ENTRY.matcher(entry.getName());
					name.matches();
					long image = Long.parseLong(name.group(1));
					imagesWritten.add(image);
					try (InputStream in = zip.getInputStream(entry)) {
						this.media.restoreFile(image, name.group(2), in);
					}
					progress.at(++done[0], total);
				}
				Map<String, String> passwords = new LinkedHashMap<>();
				List<String> notes = new ArrayList<>();
				TransactionTemplate all = new TransactionTemplate(this.transactions);
				all.executeWithoutResult((status) -> {
					Connection connection = DataSourceUtils.getConnection(this.dataSource);
					try {
						for (Map.Entry<String, Long> table : manifest.tables().entrySet()) {
							long restored = restoreTable(connection, zip, table.getKey(), manifest.withCredentials(),
									() -> {
										if (++done[0] % 500 == 0) {
											progress.at(done[0], total);
										}
									});
							if (restored != table.getValue()) {
								throw new RestoreFailure("tables/" + table.getKey() + ".jsonl holds " + restored
										+ " rows where the manifest counts " + table.getValue()
										+ ": the export is damaged.");
							}
						}
						for (String statement : ArchiveTables.AFTER_RESTORE) {
							try (PreparedStatement after = connection.prepareStatement(statement)) {
								after.executeUpdate();
							}
						}
						if (!manifest.withCredentials()) {
							passwords.putAll(newPasswords(notes));
						}
						notes.addAll(secretsToGiveAgain(connection));
					}
					catch (SQLException ex) {
						throw new RestoreFailure("The database refused a row: " + ex.getMessage());
					}
					catch (IOException ex) {
						throw new RestoreFailure("Cannot read the export: " + ex.getMessage());
					}
					finally {
						DataSourceUtils.releaseConnection(connection, this.dataSource);
					}
				});
				restartNumbering(manifest.tables().keySet());
				progress.at(total, total);
				return new Summary(manifest.tables(), mediaEntries.size(), passwords, notes,
						Duration.between(started, this.clock.instant()));
			}
			catch (RestoreFailure ex) {
				forget(imagesWritten);
				throw new Refused(ex.getMessage() + " Nothing was restored.");
			}
			catch (IOException | RuntimeException ex) {
				forget(imagesWritten);
				throw ex;
			}
		}
	}

	private void forget(Set<Long> images) {
		for (long image : images) {
			try {
				this.media.deleteFiles(image);
			}
			catch (IOException ex) {
				// CASE: the media folder went away; the failure that brought us here is
				// the one to tell
			}
		}
	}

	private record Manifest(Map<String, Long> tables, long mediaFiles, boolean withCredentials) {

		long totalRows() {
			return this.tables.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private Manifest manifest(ZipFile zip) throws IOException, Refused {
		ZipEntry entry = zip.getEntry(SiteExport.MANIFEST);
		if (entry == null) {
			throw new Refused("This zip is not a Qalam export: it has no " + SiteExport.MANIFEST + ".");
		}
		JsonNode manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = JSON.readTree(in.readNBytes(1024 * 1024));
		}
		catch (JacksonException ex) {
			throw new Refused(SiteExport.MANIFEST + " is damaged: " + ex.getOriginalMessage());
		}
		if (!"Qalam".equals(manifest.path("application").asString("")) || manifest.path("format").asInt(0) == 0) {
			throw new Refused("This zip is not a Qalam export.");
		}
		if (manifest.path("format").asInt() != SiteExport.FORMAT) {
			throw new Refused("This export is of format " + manifest.path("format").asInt()
					+ "; this Qalam reads format " + SiteExport.FORMAT + ".");
		}
		String schema = manifest.path("schema").asString("");
		String ours = this.export.schemaVersion();
		if (!schema.equals(ours)) {
			throw new Refused(
					"This export was made by a Qalam at schema version " + schema + "; this one is at version " + ours
							+ ". Restore it with the Qalam release that made it, then upgrade.");
		}
		boolean withCredentials = manifest.path("withCredentials").asBoolean(false);
		Map<String, Long> tables = new LinkedHashMap<>();
		JsonNode counted = manifest.path("tables");
		for (String table : ArchiveTables.EXPORTED) {
			JsonNode count = counted.get(table);
			if (count == null) {
				if (withCredentials || !ArchiveTables.CREDENTIAL_TABLES.contains(table)) {
					throw new Refused("The export has no table " + table + ": it is incomplete.");
				}
				continue;
			}
			if (!count.canConvertToLong() || count.longValue() < 0) {
				throw new Refused(SiteExport.MANIFEST + " is damaged: the count of " + table + " is " + count + ".");
			}
			tables.put(table, count.longValue());
		}
		for (String table : counted.propertyNames()) {
			if (!tables.containsKey(table)) {
				throw new Refused("The export has a table this Qalam does not know: " + table + ".");
			}
		}
		return new Manifest(tables, manifest.path("mediaFiles").asLong(0), withCredentials);
	}

	// every entry is one a Qalam export has: the manifest, a known table's rows, a media
	// file with a plain name
	private List<ZipEntry> checkEntries(ZipFile zip, Manifest manifest) throws Refused {
		List<ZipEntry> mediaEntries = new ArrayList<>();
		Set<String> tables = new TreeSet<>();
		for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
			ZipEntry entry = entries.nextElement();
			String name = entry.getName();
			if (entry.isDirectory() || name.equals(SiteExport.MANIFEST)) {
				continue;
			}
			Matcher table = TABLE_ENTRY.matcher(name);
			Matcher file = MEDIA_ENTRY.matcher(name);
			if (table.matches() && manifest.tables().containsKey(table.group(1))) {
				tables.add(table.group(1));
			}
			else if (file.matches() && file.group(2).matches("[1-9][0-9]{0,4}\\.(jpg|webp)")) {
				if (entry.getSize() < 0 || entry.getSize() > MAX_MEDIA_FILE) {
					throw new Refused(name + " is larger than a media file can be.");
				}
				mediaEntries.add(entry);
			}
			else {
				throw new Refused("The export holds " + name + ", which no Qalam export has.");
			}
		}
		for (String table : manifest.tables().keySet()) {
			if (!tables.contains(table)) {
				throw new Refused("The export has no tables/" + table + ".jsonl: it is incomplete.");
			}
		}
		if (mediaEntries.size() != manifest.mediaFiles()) {
			throw new Refused("The export holds " + mediaEntries.size() + " media files where its manifest counts "
					+ manifest.mediaFiles() + ": it is damaged.");
		}
		return mediaEntries;
	}

	// only migrations ran: no table the export fills has a row
	private void checkEmpty() throws Refused {
		Map<String, Long> filled = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			for (String table : ArchiveTables.EXPORTED) {
				long rows = ArchiveSchema.count(connection, table);
				if (rows > 0) {
					filled.put(table, rows);
				}
			}
		}
		catch (SQLException ex) {
			throw new Refused("Cannot read the database: " + ex.getMessage());
		}
		if (!filled.isEmpty()) {
			throw new Refused("This database is not empty ("
					+ String.join(", ",
							filled.entrySet().stream().map((e) -> e.getKey() + ": " + e.getValue() + " rows").toList())
					+ "). A restore goes only into a database where nothing but the migrations ran: a new data "
					+ "directory (QALAM_DATA_DIR), or an empty PostgreSQL database on which Qalam has not started yet.");
		}
	}

	private long restoreTable(Connection connection, ZipFile zip, String table, boolean withCredentials, Runnable row)
			throws SQLException, IOException {
		List<ArchiveSchema.Column> columns = ArchiveSchema.columns(connection, table);
		Map<String, ArchiveSchema.Column> byName = new LinkedHashMap<>();
		columns.forEach((c) -> byName.put(c.name(), c));
		String insert = "INSERT INTO " + table + " ("
				+ String.join(", ", columns.stream().map(ArchiveSchema.Column::name).toList()) + ") VALUES ("
				+ String.join(", ", columns.stream().map((c) -> "?").toList()) + ")";
		String entry = "tables/" + table + ".jsonl";
		long count = 0;
		try (InputStream in = zip.getInputStream(zip.getEntry(entry));
				PreparedStatement statement = connection.prepareStatement(insert)) {
			Lines lines = new Lines(in, entry);
			int batched = 0;
			for (String line; (line = lines.next()) != null;) {
				if (line.isBlank()) {
					continue;
				}
				count++;
				JsonNode values;
				try {
					values = JSON.readTree(line);
				}
				catch (JacksonException ex) {
					throw new RestoreFailure(entry + " line " + count + " is not JSON: " + ex.getOriginalMessage());
				}
				for (String name : values.propertyNames()) {
					if (!byName.containsKey(name)) {
						throw new RestoreFailure(entry + " line " + count + ": this Qalam's table " + table
								+ " has no column " + name + ".");
					}
				}
				for (int i = 0; i < columns.size(); i++) {
					ArchiveSchema.Column column = columns.get(i);
					Object value;
					try {
						value = ArchiveSchema.value(values.get(column.name()), column);
					}
					catch (IllegalArgumentException ex) {
						throw new RestoreFailure(entry + " line " + count + ": " + ex.getMessage());
					}
					statement.setObject(i + 1, withheld(table, column.name(), value, values, withCredentials));
				}
				statement.addBatch();
				if (++batched == 500) {
					statement.executeBatch();
					batched = 0;
				}
				row.run();
			}
			if (batched > 0) {
				statement.executeBatch();
			}
		}
		return count;
	}

	// A value the export left out: a password hash (replaced below by a new password),
	// a webhook's signing secret (a new one, the webhook switched off); others stay empty
	private Object withheld(String table, String column, Object value, JsonNode row, boolean withCredentials) {
		if (value != null || row.has(column)) {
			if ("webhooks".equals(table) && "enabled".equals(column) && !row.has("secret_sealed")) {
				return false;
			}
			return value;
		}
		if ("users".equals(table) && "password_hash".equals(column) && !withCredentials) {
			return WITHOUT_PASSWORD;
		}
		if ("webhooks".equals(table) && "secret_sealed".equals(column)) {
			byte[] bytes = new byte[24];
			this.random.nextBytes(bytes);
			return this.secrets.seal("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		}
		return null;
	}

	// Accounts come without passwords: each admin who can log in gets a temporary one,
	// shown once; the others get one nobody knows, for an admin to reset
	private Map<String, String> newPasswords(List<String> notes) {
		Map<String, String> passwords = new LinkedHashMap<>();
		int others = 0;
		for (UserAccounts.Account account : this.accounts.all()) {
			String password = this.accounts.resetPassword(account.username(), "(restore)");
			if (account.role() == Role.ADMIN && account.enabled()) {
				passwords.put(account.username(), password);
			}
			else {
				others++;
			}
		}
		if (others > 0) {
			notes.add(others + " other accounts were restored without a password: an admin gives each a new one "
					+ "under Accounts (Reset password).");
		}
		return passwords;
	}

	private static List<String> secretsToGiveAgain(Connection connection) throws SQLException {
		List<String> notes = new ArrayList<>();
		long webhooks = ArchiveSchema.count(connection, "webhooks");
		if (webhooks > 0) {
			notes.add(webhooks + " webhooks were restored switched off: exports never hold their signing secrets. "
					+ "Register them again under Webhooks and give their receivers the new secrets.");
		}
		long telegram = ArchiveSchema.count(connection, "telegram_settings");
		if (telegram > 0) {
			notes.add("Telegram bot tokens are not in exports: enter them again under Telegram, or set "
					+ "QALAM_TELEGRAM_TOKEN_{EDITION}.");
		}
		return notes;
	}

	private static long highest(Connection connection, String table, String column) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	// Rows came with their numbers: new rows continue after the highest. A statement of
	// its own, as H2 commits the transaction it runs in
	private void restartNumbering(Set<String> tables) {
		try (Connection connection = this.dataSource.getConnection()) {
			for (String table : tables) {
				for (ArchiveSchema.Column column : ArchiveSchema.columns(connection, table)) {
					if (!column.identity()) {
						continue;
					}
					long next = highest(connection, table, column.name()) + 1;
					try (PreparedStatement statement = connection.prepareStatement(
							"ALTER TABLE " + table + " ALTER COLUMN " + column.name() + " RESTART WITH " + next)) {
						statement.execute();
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The rows are restored, but numbering new rows failed: " + ex.getMessage(),
					ex);
		}
	}

	// A table's file line by line, each at most MAX_LINE bytes
	private static final class Lines {

		private final InputStream in;

		private final String entry;

		private final byte[] buffer = new byte[64 * 1024];

		private int at;

		private int end;

		private long number;

		Lines(InputStream in, String entry) {
			this.in = in;
			this.entry = entry;
		}

		/** The next line, or null at the end. */
		String next() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
			this.number++;
			while (true) {
				if (this.at == this.end) {
					this.end = this.in.read(this.buffer);
					this.at = 0;
					if (this.end <= 0) {
						this.end = 0;
						return (line.size() > 0) ? line.toString(StandardCharsets.UTF_8) : null;
					}
				}
				int from = this.at;
				while (this.at < this.end && this.buffer[this.at] != '\n') {
					this.at++;
				}
				line.write(this.buffer, from, this.at - from);
				if (line.size() > MAX_LINE) {
					throw new RestoreFailure(this.entry + " line " + this.number + " is longer than "
							+ MAX_LINE / (1024 * 1024) + " MB: the export is damaged.");
				}
				if (this.at < this.end) {
					this.at++;
					return line.toString(StandardCharsets.UTF_8);
				}
			}
		}

	}

	// ends the restore's transaction with a message for the admin
	private static final class RestoreFailure extends RuntimeException {

		RestoreFailure(String message) {
			super(message);
		}

	}

}
