package io.qalam.ingest;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export in the newsroom, as an admin makes one over HTTP: started, followed until it
 * is written, downloaded whole, deleted; each step in the audit log.
 */
@QalamTest
@TestPropertySource(properties = "qalam.data-dir=target/test-data/site-archive")
class ExportPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ExportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminExportsTheSiteAndDownloadsIt() throws Exception {
		String username = TestAccounts.create(this.accounts, Role.ADMIN);
		NewsroomTestLogin admin = NewsroomTestLogin.as(this.port, username);
		assertThat(Jsoup.parse(admin.get("/newsroom/export")).select("form[action=/newsroom/export] button").text())
			.isEqualTo("Export the site");

		HttpResponse<String> started = admin.post("/newsroom/export");
		assertThat(started.statusCode()).isEqualTo(302);
		ExportJobs.Job job = this.jobs.last().orElseThrow();
		Instant giveUp = Instant.now().plusSeconds(60);
		while (job.state() == ExportJobs.State.RUNNING && Instant.now().isBefore(giveUp)) {
			Thread.sleep(100);
		}
		assertThat(job.state()).as(String.valueOf(job.failure())).isEqualTo(ExportJobs.State.DONE);

		Document page = Jsoup.parse(admin.get("/newsroom/export"));
		assertThat(page.select("[role=status]").text()).contains("The export is done.");
		String link = page.select("a[href^=/newsroom/export/files/]").first().attr("href");
		assertThat(link).endsWith(job.name()).doesNotContain("with-passwords");

		HttpResponse<byte[]> download = admin.fetchBytes(link);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		String articles = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (entry.getName().equals("tables/articles.jsonl")) {
					articles = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(articles).isNotNull();
		assertThat(articles.lines().count())
			.isEqualTo(this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single());

		assertThat(admin.post(link + "/delete").statusCode()).isEqualTo(302);
		assertThat(admin.fetch(link).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE actor = :who ORDER BY id")
			.param("who", username)
			.query(String.class)
			.list()).contains("EXPORT_STARTED", "EXPORT_DOWNLOADED", "EXPORT_DELETED");
		assertThat(Duration.between(job.startedAt(), Instant.now())).isPositive();
	}

}
