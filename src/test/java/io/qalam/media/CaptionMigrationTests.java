package io.qalam.media;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The captions of before V031 go to an edition: the edition of the first article that led
 * with the image, else the default edition. Run on H2 and on a real PostgreSQL, from a
 * database at V029 holding such images.
 */
class CaptionMigrationTests {

	@Test
	void onH2() throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:captions-" + UUID.randomUUID());
		// One connection for the whole test: with one per step, H2 checked the
		// constraints Flyway made in Flyway's closed session and failed
		SingleConnectionDataSource one = new SingleConnectionDataSource(h2.getConnection(), true);
		try {
			assertCaptionsMoved(one, "h2");
		}
		finally {
			one.destroy();
		}
	}

	@Test
	void onPostgres() throws IOException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			assertCaptionsMoved(postgres.getPostgresDatabase(), "postgresql");
		}
	}

	private static void assertCaptionsMoved(DataSource database, String vendor) {
		migrate(database, vendor, "29");
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("INSERT INTO editions (code, locale, name, position) VALUES ('en', 'en', 'English', 0), "
				+ "('kk', 'kk-KZ', 'Қазақша', 1), ('ru', 'ru-RU', 'Русский', 2)")
			.update();
		jdbc.sql("INSERT INTO sections (id, slug, position) VALUES (1, 'news', 0)").update();
		jdbc.sql("INSERT INTO stories (id, created_at) VALUES (1, CURRENT_TIMESTAMP), (2, CURRENT_TIMESTAMP)").update();
		for (long id = 1; id <= 3; id++) {
			jdbc.sql("INSERT INTO images (id, width, height, format, variants, caption, credit, created_at) "
					+ "VALUES (:id, 10, 10, 'jpg', '10', :caption, :credit, CURRENT_TIMESTAMP)")
				.param("id", id)
				.param("caption", (id == 3) ? "" : "Caption " + id)
				.param("credit", (id == 3) ? "" : "Credit " + id)
				.update();
		}
		// image 1 led a Kazakh article first, then a Russian one
		article(jdbc, 10, 1, "kk", 1L);
		article(jdbc, 11, 2, "ru", 1L);

		migrate(database, vendor, "latest");

		List<Map<String, Object>> rows = jdbc
			.sql("SELECT image_id, edition, caption, credit FROM image_captions ORDER BY image_id")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsValues(1L, "kk", "Caption 1", "Credit 1");
		// never led an article: the default edition's, though it is not listed first
		assertThat(rows.get(1)).containsValues(2L, "ru", "Caption 2", "Credit 2");
	}

	private static void article(JdbcClient jdbc, long id, long story, String edition, Long image) {
		jdbc.sql("INSERT INTO articles (id, story_id, edition, section_id, slug, headline, lead, lead_image_id, "
				+ "status, created_at, modified_at, version) VALUES (:id, :story, :edition, 1, :slug, 'H', 'L', "
				+ ":image, 'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")
			.param("id", id)
			.param("story", story)
			.param("edition", edition)
			.param("slug", "a" + id)
			.param("image", image)
			.update();
	}

	private static void migrate(DataSource database, String vendor, String target) {
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.placeholders(Map.of("defaultedition", "ru"))
			.target(target)
			.load()
			.migrate();
	}

}
