package io.qalam;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL for the {@code bench/} scripts: started, its JDBC URL written to
 * the file named, kept until the process is stopped.
 */
public final class BenchPostgres {

	private BenchPostgres() {
	}

	public static void main(String[] args) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			Files.writeString(Path.of(args[0]), postgres.getJdbcUrl("postgres", "postgres"), StandardCharsets.UTF_8);
			Thread.sleep(Long.MAX_VALUE);
		}
	}

}
