package io.qalam.ingest;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.PackagedJar;
import io.qalam.WebClient;
import io.qalam.newsroom.NewsroomClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar qalam.jar export} and {@code restore} as an operator runs them, from
 * the packaged jar (Failsafe): the move of a demo site from the embedded H2 to PostgreSQL
 * and to a new data directory, as the README tells it, and the refusals on the way.
 */
class ArchiveCommandIT {

	private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("^  admin  (\\S+)$", Pattern.MULTILINE);

	@TempDir
	Path dir;

	@Test
	void aSiteMovesFromTheEmbeddedDatabaseToPostgresqlAndToANewDataDirectory() throws Exception {
		Path old = this.dir.resolve("old");
		String article;
		String headline;
		String picture;
		try (PackagedJar site = PackagedJar.start(old, List.of("-Xmx256m"))) {
			WebClient web = site.web();
			var home = web.page("/ru/");
			article = home.select("main a[href^=/ru/20]").first().attr("href");
			var page = web.page(article);
			headline = page.select("h1").text();
			picture = page.select("img[src^=/media/]").first().attr("src");
			PackagedJar.Finished whileRunning = PackagedJar.command(old, "export",
					this.dir.resolve("early.zip").toString());
			assertThat(whileRunning.exitCode()).isEqualTo(3);
			assertThat(whileRunning.output()).contains("The database is in use by a running Qalam")
				.contains("an export can also be made in the newsroom");
		}

		Path archive = this.dir.resolve("site.zip");
		PackagedJar.Finished exported = PackagedJar.command(old, "export", archive.toString());
		assertThat(exported.exitCode()).as(exported.output()).isZero();
		assertThat(exported.output()).contains("Exported").contains("media files").doesNotContain("Exception");
		assertThat(PackagedJar.command(old, "export", archive.toString()).output()).contains("exists already");

		// to PostgreSQL: an empty database, the restore, then the site's first start on
		// it
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			Map<String, String> database = Map.of("QALAM_DB_URL", url, "QALAM_DB_USER", "postgres", "QALAM_DB_PASSWORD",
					"");
			Path node = this.dir.resolve("postgres-node");
			PackagedJar.Finished restored = PackagedJar.command(node, database, "restore", archive.toString());
			assertThat(restored.exitCode()).as(restored.output()).isZero();
			assertThat(restored.output()).contains("Restored").contains("Temporary passwords for the admins");
			Matcher password = TEMPORARY_PASSWORD.matcher(restored.output());
			assertThat(password.find()).as(restored.output()).isTrue();

			PackagedJar.Finished again = PackagedJar.command(node, database, "restore", archive.toString());
			assertThat(again.exitCode()).isEqualTo(1);
			assertThat(again.output()).contains("This database is not empty");

			try (PackagedJar site = PackagedJar.start(node, List.of("-Xmx256m"), "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres", "--spring.datasource.password=")) {
				WebClient web = site.web();
				assertThat(web.page(article).select("h1").text()).isEqualTo(headline);
				assertThat(web.get(picture).statusCode()).isEqualTo(200);
				// no new admin and no second demo: the restored site is the old one
				assertThat(site.output()).doesNotContain("Password (shown only this once)");
				NewsroomClient newsroom = new NewsroomClient(site.port());
				HttpResponse<String> login = newsroom.login("admin", password.group(1));
				assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			}
		}

		// to a new data directory on the embedded database
		Path copy = this.dir.resolve("copy");
		PackagedJar.Finished restored = PackagedJar.command(copy, "restore", archive.toString());
		assertThat(restored.exitCode()).as(restored.output()).isZero();
		try (PackagedJar site = PackagedJar.start(copy, List.of("-Xmx256m"))) {
			assertThat(Jsoup.parse(site.web().get(article).body()).select("h1").text()).isEqualTo(headline);
		}
		try (var files = Files.list(copy.resolve("media"))) {
			assertThat(files.count()).isPositive();
		}
	}

}
