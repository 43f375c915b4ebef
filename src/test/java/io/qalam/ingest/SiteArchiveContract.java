package io.qalam.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import io.qalam.TestNodes;
import io.qalam.media.MediaLibrary;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The site's export restores into a new database as it was: every row of every table it
 * holds and every media file, from the database of the test class into a new H2 and a new
 * PostgreSQL. The source has a row in every table, so that no table is compared empty.
 */
abstract class SiteArchiveContract {

	@Autowired
	SiteExport export;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaLibrary media;

	@TempDir
	Path dir;

	@BeforeEach
	void aRowInEveryTable() {
		long article = this.jdbc.sql("SELECT MIN(id) FROM articles").query(Long.class).single();
		long image = this.jdbc.sql("SELECT MIN(id) FROM images").query(Long.class).single();
		String now = "TIMESTAMP WITH TIME ZONE '2026-12-01 10:15:30.123456+05:00'";
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("article_revisions",
				"INSERT INTO article_revisions (article_id, number, headline, lead, body_html, "
						+ "saved_by, saved_at, note) VALUES (" + article
						+ ", 1, 'Первая редакция', '', '<p>Текст</p>', 'admin', " + now + ", 'перед публикацией')");
		rows.put("article_corrections", "INSERT INTO article_corrections (article_id, note, created_by, created_at) "
				+ "VALUES (" + article + ", 'Уточнено название станции', 'admin', " + now + ")");
		rows.put("article_autosaves",
				"INSERT INTO article_autosaves (article_id, username, headline, lead, body_html, saved_at) VALUES ("
						+ article + ", 'admin', 'Черновик «в работе»', '', '<p>Ещё не сохранено</p>', " + now + ")");
		rows.put("article_views", "INSERT INTO article_views (article_id, viewed_hour, source, edition, views) VALUES ("
				+ article + ", TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00:00', 'search', 'ru', 42)");
		rows.put("live_entries",
				"INSERT INTO live_entries (article_id, posted_at, posted_by, entry_text, image_id, body_html, pinned) "
						+ "VALUES (" + article + ", " + now + ", 'admin', 'Толчки ощущались в Алматы', " + image
						+ ", '<p>Толчки ощущались в Алматы</p>', TRUE)");
		rows.put("redirects", "INSERT INTO redirects (old_path, new_path, new_key, origin, created_at, created_by) "
				+ "VALUES ('/старый-адрес', '/ru/new', '/ru/new', 'NEWSROOM', " + now + ", 'admin')");
		rows.put("import_sources", "INSERT INTO import_sources (source, kind, source_key, local_id, version, digest, "
				+ "imported_at) VALUES ('https://old.example', 'post', '17', " + article + ", 1, 'abc', " + now + ")");
		rows.put("breaking_news", "INSERT INTO breaking_news (edition, text, link, set_at, set_by) "
				+ "VALUES ('kk', 'Жер сілкінісі', '/kk/', " + now + ", 'admin')");
		rows.put("exchange_rates", "INSERT INTO exchange_rates (currency, rate_date, rate, change, quant) "
				+ "VALUES ('USD', DATE '2026-12-01', 504.610000, -1.250000, 1)");
		rows.put("weather_now", "INSERT INTO weather_now (city, temperature_c, weather_code, wind_speed_kmh, "
				+ "observed_at) VALUES ('almaty', -7.5, 71, 12.0, " + now + ")");
		rows.put("telegram_settings",
				"INSERT INTO telegram_settings (edition, chat, token_sealed, token_hint, enabled, "
						+ "delete_on_unpublish, updated_by, updated_at) VALUES ('ru', '@qalam_ru', 'sealed-token', 'a1b2', "
						+ "FALSE, TRUE, 'admin', " + now + ")");
		rows.put("telegram_posts", "INSERT INTO telegram_posts (article_id, edition, event_key, chat, state, "
				+ "message_id, with_photo, edit_pending, delete_pending, attempts, next_attempt_at, created_at) VALUES ("
				+ article + ", 'ru', 'published-" + article + "', '@qalam_ru', 'SENT', 77, FALSE, FALSE, FALSE, 1, "
				+ now + ", " + now + ")");
		rows.put("webhooks", "INSERT INTO webhooks (url, secret_sealed, enabled, created_by, created_at) "
				+ "VALUES ('https://partner.example/hook', 'sealed-secret', TRUE, 'admin', " + now + ")");
		rows.put("wire_feeds", "INSERT INTO wire_feeds (edition, name, url, created_by, created_at, active) "
				+ "VALUES ('ru', 'Агентство', 'https://agency.example/rss', 'admin', " + now + ", TRUE)");
		rows.put("wire_items",
				"INSERT INTO wire_items (feed_id, guid, link, title, summary, published_at, "
						+ "received_at) SELECT MIN(id), 'g-1', 'https://agency.example/1', 'Новость', '', " + now + ", "
						+ now + " FROM wire_feeds");
		rows.put("api_tokens",
				"INSERT INTO api_tokens (digest, account, name, scopes, created_by, created_at, "
						+ "expires_at) VALUES ('d1g3st', 'admin', 'Приложение', 'drafts:write', 'admin', " + now + ", "
						+ now + ")");
		rows.put("audit_log", "INSERT INTO audit_log (at, actor, action, subject, address) " + "VALUES (" + now
				+ ", 'admin', 'LOGIN', 'вход', '127.0.0.1')");
		rows.forEach((table, insert) -> {
			if (count(table) == 0) {
				this.jdbc.sql(insert).update();
			}
		});
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void everyRowAndEveryMediaFileComesBackInANewH2() throws Exception {
		Path archive = exportWithPasswords();
		Path targetMedia = this.dir.resolve("h2-media");
		try (ConfigurableApplicationContext target = newSite(
				Map.of("spring.datasource.url", "jdbc:h2:mem:restore-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"spring.datasource.username", "sa", "qalam.media.dir", targetMedia.toString()))) {
			restoreAndCompare(archive, target, targetMedia);
		}
	}

	@Test
	void everyRowAndEveryMediaFileComesBackInANewPostgresql() throws Exception {
		Path archive = exportWithPasswords();
		Path targetMedia = this.dir.resolve("pg-media");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext target = newSite(
						Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
								"spring.datasource.username", "postgres", "qalam.media.dir", targetMedia.toString()))) {
			restoreAndCompare(archive, target, targetMedia);
		}
	}

	@Test
	void withoutPasswordsTheAdminsGetNewOnesAndSecretsAreNeverExported() throws Exception {
		Path archive = this.dir.resolve("plain.zip");
		SiteExport.Summary summary = this.export.write(archive, false, (done, total) -> {
		});
		assertThat(summary.rows()).doesNotContainKey("api_tokens");
		String users = entry(archive, "tables/users.jsonl");
		assertThat(users).contains("\"username\":\"admin\"").doesNotContain("password_hash");
		assertThat(entry(archive, "tables/telegram_settings.jsonl")).contains("@qalam_ru")
			.doesNotContain("token_sealed")
			.doesNotContain("sealed-token");
		assertThat(entry(archive, "tables/webhooks.jsonl")).contains("partner.example").doesNotContain("sealed-secret");

		// a channel post the old site had not sent yet when the export was made
		Path unsent = rewrite(archive, "tables/telegram_posts.jsonl",
				(text) -> text.replace("\"state\":\"SENT\"", "\"state\":\"PENDING\""));
		try (ConfigurableApplicationContext target = newSite(Map.of("spring.datasource.url",
				"jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "spring.datasource.username", "sa",
				"qalam.media.dir", this.dir.resolve("plain-media").toString()))) {
			SiteRestore.Summary restored = target.getBean(SiteRestore.class).restore(unsent, (done, total) -> {
			});
			assertThat(restored.temporaryPasswords()).containsKey("admin");
			assertThat(restored.notes()).anyMatch((n) -> n.contains("webhooks were restored switched off"))
				.anyMatch((n) -> n.contains("Telegram bot tokens"));
			JdbcClient restoredDb = target.getBean(JdbcClient.class);
			assertThat(restoredDb.sql("SELECT enabled FROM webhooks").query(Boolean.class).list()).containsOnly(false);
			// not sent again by the new site: an editor checks the channel
			assertThat(restoredDb.sql("SELECT DISTINCT state FROM telegram_posts").query(String.class).list())
				.doesNotContain("PENDING")
				.contains("UNCERTAIN");
			assertThat(restoredDb.sql("SELECT COUNT(*) FROM telegram_settings WHERE token_sealed IS NULL")
				.query(Long.class)
				.single()).isEqualTo(count("telegram_settings"));
			var passwords = target.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
			String hash = restoredDb.sql("SELECT password_hash FROM users WHERE username = 'admin'")
				.query(String.class)
				.single();
			assertThat(passwords.matches(restored.temporaryPasswords().get("admin"), hash)).isTrue();
			assertThat(restoredDb.sql("SELECT must_change_password FROM users WHERE username = 'admin'")
				.query(Boolean.class)
				.single()).isTrue();
		}
	}

	@Test
	void aRestoreGoesOnlyIntoADatabaseWhereNothingButTheMigrationsRan() throws Exception {
		Path archive = this.dir.resolve("again.zip");
		this.export.write(archive, false, (done, total) -> {
		});
		try (ConfigurableApplicationContext target = newSite(Map.of("spring.datasource.url",
				"jdbc:h2:mem:twice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "spring.datasource.username", "sa",
				"qalam.media.dir", this.dir.resolve("twice-media").toString()))) {
			SiteRestore restore = target.getBean(SiteRestore.class);
			restore.restore(archive, (done, total) -> {
			});
			assertThatThrownBy(() -> restore.restore(archive, (done, total) -> {
			})).isInstanceOf(SiteRestore.Refused.class)
				.hasMessageContaining("This database is not empty")
				.hasMessageContaining("articles: ");
		}
	}

	@Test
	void aDamagedOrForeignFileRestoresNothing() throws Exception {
		Path archive = this.dir.resolve("whole.zip");
		this.export.write(archive, false, (done, total) -> {
		});
		Path targetMedia = this.dir.resolve("damaged-media");
		try (ConfigurableApplicationContext target = newSite(
				Map.of("spring.datasource.url", "jdbc:h2:mem:damaged-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"spring.datasource.username", "sa", "qalam.media.dir", targetMedia.toString()))) {
			SiteRestore restore = target.getBean(SiteRestore.class);
			// the last table's last row is broken: every row and file before it goes
			// again
			Path broken = rewrite(archive, "tables/audit_log.jsonl",
					(text) -> text.substring(0, text.lastIndexOf("{\"")) + "{\"id\": 1, \"at\": \"yesterday\"}\n");
			assertThatThrownBy(() -> restore.restore(broken, (done, total) -> {
			})).isInstanceOf(SiteRestore.Refused.class)
				.hasMessageContaining("tables/audit_log.jsonl line")
				.hasMessageContaining("Nothing was restored");
			Path foreign = rewrite(archive, "media/1/../../../escape.jpg", (text) -> "");
			assertThatThrownBy(() -> restore.restore(foreign, (done, total) -> {
			})).isInstanceOf(SiteRestore.Refused.class).hasMessageContaining("which no Qalam export has");
			Path notZip = Files.writeString(this.dir.resolve("notes.zip"), "not a zip");
			assertThatThrownBy(() -> restore.restore(notZip, (done, total) -> {
			})).isInstanceOf(SiteRestore.Refused.class).hasMessageContaining("not a Qalam export");
			Path otherSchema = rewrite(archive, SiteExport.MANIFEST,
					(text) -> text.replaceFirst("\"schema\" : \"[0-9.]+\"", "\"schema\" : \"7\""));
			assertThatThrownBy(() -> restore.restore(otherSchema, (done, total) -> {
			})).isInstanceOf(SiteRestore.Refused.class).hasMessageContaining("schema version 7");

			JdbcClient restoredDb = target.getBean(JdbcClient.class);
			for (String table : ArchiveTables.EXPORTED) {
				assertThat(restoredDb.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table)
					.isZero();
			}
			try (var left = Files.walk(targetMedia)) {
				assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
			}
			SiteRestore.Summary whole = restore.restore(archive, (done, total) -> {
			});
			assertThat(whole.rows().get("articles")).isEqualTo(count("articles"));
		}
	}

	// the export with one entry's text changed, or added when it has none
	private Path rewrite(Path archive, String name, java.util.function.UnaryOperator<String> change)
			throws IOException {
		Path changed = this.dir.resolve(UUID.randomUUID() + ".zip");
		boolean found = false;
		try (ZipFile zip = new ZipFile(archive.toFile());
				var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(changed))) {
			for (var entries = zip.entries(); entries.hasMoreElements();) {
				var entry = entries.nextElement();
				byte[] bytes = zip.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(name)) {
					found = true;
					bytes = change.apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
						.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
			if (!found) {
				out.putNextEntry(new java.util.zip.ZipEntry(name));
				out.write(change.apply("").getBytes(java.nio.charset.StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return changed;
	}

	private Path exportWithPasswords() throws IOException {
		for (String table : ArchiveTables.EXPORTED) {
			assertThat(count(table)).as("rows in " + table + " (a table compared empty proves nothing)").isPositive();
		}
		Path archive = this.dir.resolve("export-" + UUID.randomUUID() + ".zip");
		List<Long> seen = new ArrayList<>();
		SiteExport.Summary summary = this.export.write(archive, true, (done, total) -> seen.add(done));
		assertThat(seen).isNotEmpty().isSorted();
		assertThat(summary.rows().keySet()).containsExactlyElementsOf(ArchiveTables.EXPORTED);
		assertThat(summary.mediaFiles()).isPositive();
		return archive;
	}

	private static ConfigurableApplicationContext newSite(Map<String, String> settings) {
		Map<String, String> all = new java.util.HashMap<>(settings);
		// as the restore command starts the application
		all.put("server.port", "-1");
		all.put("qalam.command-line", "true");
		all.put("qalam.first-start", "false");
		return TestNodes.start(all);
	}

	private void restoreAndCompare(Path archive, ConfigurableApplicationContext target, Path targetMedia)
			throws Exception {
		// no scheduled work runs beside a restore: a widget's fetch would write rows in
		// its way
		assertThat(target
			.getBeansOfType(org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor.class))
			.isEmpty();
		SiteRestore.Summary restored = target.getBean(SiteRestore.class).restore(archive, (done, total) -> {
		});
		assertThat(restored.temporaryPasswords()).isEmpty();
		DataSource targetData = target.getBean(DataSource.class);
		for (String table : ArchiveTables.EXPORTED) {
			Set<String> secrets = ArchiveTables.SECRET_COLUMNS.getOrDefault(table, Set.of());
			List<Map<String, Object>> before = rows(this.dataSource, table, secrets);
			List<Map<String, Object>> after = rows(targetData, table, secrets);
			if ("webhooks".equals(table)) {
				before.forEach((row) -> row.put("enabled", false));
			}
			assertThat(after).as(table).hasSize(before.size()).containsExactlyElementsOf(before);
		}
		MediaLibrary targetLibrary = target.getBean(MediaLibrary.class);
		List<Long> images = this.jdbc.sql("SELECT id FROM images").query(Long.class).list();
		int compared = 0;
		for (long image : images) {
			Map<String, String> files = files(this.media.files(image));
			assertThat(files(targetLibrary.files(image))).as("files of image " + image).isEqualTo(files);
			compared += files.size();
		}
		assertThat(compared).isPositive();
		// new rows are numbered after the restored ones
		JdbcClient restoredDb = target.getBean(JdbcClient.class);
		long next = restoredDb.sql("INSERT INTO stories (created_at) VALUES (CURRENT_TIMESTAMP)").update();
		assertThat(next).isOne();
		assertThat(restoredDb.sql("SELECT COUNT(*) FROM stories").query(Long.class).single())
			.isEqualTo(count("stories") + 1);
	}

	private static List<Map<String, Object>> rows(DataSource dataSource, String table, Set<String> leftOut)
			throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			List<ArchiveSchema.Column> columns = ArchiveSchema.columns(connection, table)
				.stream()
				.filter((c) -> !leftOut.contains(c.name()))
				.toList();
			List<String> key = ArchiveSchema.primaryKey(connection, table);
			String order = key.isEmpty() ? String.join(", ", columns.stream().map(ArchiveSchema.Column::name).toList())
					: String.join(", ", key);
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT " + String.join(", ", columns.stream().map(ArchiveSchema.Column::name).toList()) + " FROM "
							+ table + " ORDER BY " + order);
					ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Map<String, Object> row = new TreeMap<>();
					for (int i = 0; i < columns.size(); i++) {
						row.put(columns.get(i).name(), ArchiveSchema.read(rs, i + 1, columns.get(i).kind()));
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

	private static Map<String, String> files(Map<String, Path> files) throws IOException {
		Map<String, String> digests = new TreeMap<>();
		for (Map.Entry<String, Path> file : files.entrySet()) {
			try {
				digests.put(file.getKey(),
						java.util.HexFormat.of()
							.formatHex(java.security.MessageDigest.getInstance("SHA-256")
								.digest(Files.readAllBytes(file.getValue()))));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return digests;
	}

	private static String entry(Path archive, String name) throws IOException {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
	}

}
