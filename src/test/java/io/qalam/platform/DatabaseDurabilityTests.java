package io.qalam.platform;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A database set to acknowledge commits before writing them is named at start. */
class DatabaseDurabilityTests {

	@TempDir
	Path dir;

	@Test
	void h2WithItsDefaultWriteDelayIsARisk() {
		assertThat(DatabaseDurability.risks(h2(""))).singleElement()
			.asString()
			.contains("H2 writes commits 500 ms late");
		assertThat(DatabaseDurability.risks(h2(";WRITE_DELAY=0"))).isEmpty();
	}

	@Test
	void postgresqlWithoutSynchronousCommitIsARisk() throws Exception {
		// The embedded server for tests turns both off unless told otherwise
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("fsync", "on")
			.start()) {
			assertThat(DatabaseDurability.risks(postgres.getPostgresDatabase()))
				.containsExactly("PostgreSQL's synchronous_commit is off; set it to on");
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.start()) {
			assertThat(DatabaseDurability.risks(postgres.getPostgresDatabase())).isEmpty();
		}
	}

	private SingleConnectionDataSource h2(String settings) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + this.dir.resolve("db" + settings.length()) + settings);
		h2.setUser("sa");
		try {
			return new SingleConnectionDataSource(h2.getConnection(), true);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
