package io.qalam.ingest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import in the newsroom, as an admin goes through it over HTTP: the export sent as
 * the request's body, the look at what it holds, a category put into another section, the
 * import in the background and its report.
 */
@QalamTest
class ImportPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	NewsroomTestLogin admin;

	@BeforeEach
	void login() {
		this.admin = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.ADMIN));
	}

	@Test
	void anAdminSendsAnExportLooksAtItMapsACategoryAndImportsIt() throws Exception {
		assertThat(this.admin.get("/newsroom/import")).contains("action=\"/newsroom/import\"");
		byte[] xml = WordPressImportContract.portal(5, "Канатная дорога снова работает")
			.xml()
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> sent = this.admin.postFile("/newsroom/import/files?kind=export", xml);
		assertThat(sent.statusCode()).isEqualTo(201);
		assertThat(sent.body()).startsWith(ImportJobs.UPLOADED);

		HttpResponse<String> prepared = this.admin.post("/newsroom/import", "export", sent.body(), "uploads", "");
		assertThat(prepared.statusCode()).isEqualTo(302);
		String page = prepared.headers().firstValue("Location").orElseThrow();
		String id = page.substring(page.lastIndexOf('/') + 1);
		await(id, ImportJobs.State.READY);

		Document preview = Jsoup.parse(this.admin.get("/newsroom/import/" + id));
		assertThat(preview.select("select[name=section.economy]")).hasSize(1);
		assertThat(preview.select("select[name=section.kazakhstan] option").first().text()).contains("Kazakhstan");
		assertThat(preview.text()).contains("Posts: 7").contains("published: 2");

		HttpResponse<String> started = this.admin.post("/newsroom/import/" + id + "/run", "edition", "ru",
				"section.economy", "world", "section.kazakhstan", "");
		assertThat(started.statusCode()).isEqualTo(302);
		await(id, ImportJobs.State.DONE);
		assertThat(this.jobs.find(id).orElseThrow().report().imported()).isEqualTo(5);
		// the scheduled post of "economy" went where the admin put it
		assertThat(this.jdbc.sql("""
				SELECT s.slug FROM import_sources i JOIN articles a ON a.id = i.local_id
				JOIN sections s ON s.id = a.section_id
				WHERE i.source = 'old5.example.kz' AND i.kind = 'post' AND i.source_key = '5003'""")
			.query(String.class)
			.single()).isEqualTo("world");

		Document done = Jsoup.parse(this.admin.get("/newsroom/import/" + id));
		assertThat(done.select("#import-report")).hasSize(1);
		assertThat(done.select(".import-lines li").eachText()).anyMatch((line) -> line.contains("private"));
		HttpResponse<String> report = this.admin.fetch("/newsroom/import/" + id + "/report.txt");
		assertThat(report.body()).contains("5 imported").contains("skipped: in the old site's trash");
		assertThat(this.admin.get("/newsroom/import")).contains("/newsroom/import/" + id);
	}

	@Test
	void whatCannotBeUsedIsRefusedAndNothingKept() throws Exception {
		this.admin.get("/newsroom/import");
		HttpResponse<String> notZip = this.admin.postFile("/newsroom/import/files?kind=uploads",
				"not a zip".getBytes(StandardCharsets.UTF_8));
		assertThat(notZip.statusCode()).isEqualTo(400);
		HttpResponse<String> empty = this.admin.postFile("/newsroom/import/files?kind=export", new byte[0]);
		assertThat(empty.statusCode()).isEqualTo(400);
		HttpResponse<String> noFile = this.admin.post("/newsroom/import", "export", "/no/such/export.xml");
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noFile.body()).select(".field-error")).hasSize(1);
		HttpResponse<String> relative = this.admin.post("/newsroom/import", "export", "export.xml");
		assertThat(relative.statusCode()).isEqualTo(400);

		// a broken export is looked at and said to be broken
		HttpResponse<String> broken = this.admin.postFile("/newsroom/import/files?kind=export",
				"<rss><channel><item><title>".getBytes(StandardCharsets.UTF_8));
		this.admin.get("/newsroom/import");
		String page = this.admin.post("/newsroom/import", "export", broken.body())
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String id = page.substring(page.lastIndexOf('/') + 1);
		await(id, ImportJobs.State.FAILED);
		assertThat(Jsoup.parse(this.admin.get("/newsroom/import/" + id)).select(".error code").text()).isNotBlank();
		assertThat(this.admin.post("/newsroom/import/" + id + "/run", "edition", "ru").statusCode()).isEqualTo(400);
	}

	private void await(String id, ImportJobs.State state) throws InterruptedException {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
		while (this.jobs.find(id).orElseThrow().state() != state && Instant.now().isBefore(giveUp)) {
			Thread.sleep(50);
		}
		assertThat(this.jobs.find(id).orElseThrow().state()).as(String.valueOf(this.jobs.find(id).get().failure()))
			.isEqualTo(state);
	}

}
