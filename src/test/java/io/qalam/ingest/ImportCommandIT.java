package io.qalam.ingest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.qalam.PackagedJar;
import io.qalam.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar qalam.jar import wordpress …} as an operator runs it, from the
 * packaged jar (Failsafe): into a new data directory before the first start, refused
 * while the site holds the embedded database, and again without doubling anything.
 */
class ImportCommandIT {

	@TempDir
	Path dir;

	@Test
	void theCommandImportsBeforeTheFirstStartAndAgainWithoutDoubling() throws Exception {
		Path data = this.dir.resolve("data");
		Path export = Files.writeString(this.dir.resolve("export.xml"),
				WordPressImportContract.portal(7, "Канатная дорога снова работает").xml(), StandardCharsets.UTF_8);

		PackagedJar.Finished wrong = PackagedJar.command(data, "import", "wordpress", "missing.xml");
		assertThat(wrong.exitCode()).isEqualTo(2);
		assertThat(wrong.output()).contains("Cannot read the export").contains("Usage:");
		PackagedJar.Finished noEdition = PackagedJar.command(data, "import", "wordpress", export.toString(),
				"--edition", "de");
		assertThat(noEdition.exitCode()).isEqualTo(2);
		// the first run on a new data directory made the newsroom's first account, as a
		// start does
		assertThat(noEdition.output()).contains("There is no edition 'de'").contains("Password (shown only this once)");

		PackagedJar.Finished first = PackagedJar.command(data, "import", "wordpress", export.toString(), "--edition",
				"ru");
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("5 imported, 0 updated, 0 unchanged, 3 skipped")
			.doesNotContain("Exception");

		try (PackagedJar site = PackagedJar.start(data, List.of("-Xmx256m"))) {
			WebClient web = site.web();
			HttpResponse<String> moved = web.get("/2019/05/03/%d0%ba%d0%b0%d0%bd%d0%b0%d1%82%d0%bd%d0%b0%d1%8f"
					+ "-%d0%b4%d0%be%d1%80%d0%be%d0%b3%d0%b0-7/");
			assertThat(moved.statusCode()).isEqualTo(301);
			assertThat(moved.headers().firstValue("Location").orElseThrow())
				.endsWith("/ru/2019/05/03/kanatnaya-doroga-7");
			assertThat(web.page("/ru/2019/05/03/kanatnaya-doroga-7").select("h1").text())
				.isEqualTo("Канатная дорога снова работает");
			// the archive is the site: no demo stories beside it
			assertThat(web.get("/ru/").body()).doesNotContain("v-almaty-otkrylis-dve-novye-stantsii-metro");
			assertThat(site.output()).contains("Demo content not loaded");

			PackagedJar.Finished whileRunning = PackagedJar.command(data, "import", "wordpress", export.toString());
			assertThat(whileRunning.exitCode()).isEqualTo(3);
			assertThat(whileRunning.output()).contains("The database is in use by a running Qalam")
				.doesNotContain("Exception");
		}

		PackagedJar.Finished again = PackagedJar.command(data, "import", "wordpress", export.toString());
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("0 imported, 0 updated, 5 unchanged, 3 skipped");
		try (var reports = Files.list(data.resolve("imports"))) {
			assertThat(reports.toList()).hasSize(2);
		}
	}

	@Test
	void onPostgresqlTheCommandRunsBesideTheSiteAndTheSiteFollows() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			Path export = Files.writeString(this.dir.resolve("export.xml"),
					WordPressImportContract.portal(8, "Канатная дорога на PostgreSQL").xml(), StandardCharsets.UTF_8);
			try (PackagedJar site = PackagedJar.start(this.dir.resolve("site"), List.of("-Xmx256m"),
					"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--qalam.demo.enabled=false")) {
				WebClient web = site.web();
				// the home page is kept by the site before the import
				assertThat(web.get("/ru/").body()).doesNotContain("kanatnaya-doroga-8");
				PackagedJar.Finished imported = PackagedJar.command(this.dir.resolve("command"),
						java.util.Map.of("QALAM_DB_URL", url, "QALAM_DB_USER", "postgres", "QALAM_DB_PASSWORD", ""),
						"import", "wordpress", export.toString(), "--edition", "ru");
				assertThat(imported.exitCode()).as(imported.output()).isZero();
				assertThat(imported.output()).contains("5 imported");
				HttpResponse<String> moved = web.get("/?p=8001");
				assertThat(moved.statusCode()).isEqualTo(301);
				// the import's signal evicted the site's kept home page
				java.time.Instant giveUp = java.time.Instant.now().plusSeconds(10);
				while (!web.get("/ru/").body().contains("kanatnaya-doroga-8")
						&& java.time.Instant.now().isBefore(giveUp)) {
					Thread.sleep(100);
				}
				assertThat(web.get("/ru/").body()).contains("kanatnaya-doroga-8");
			}
		}
	}

}
