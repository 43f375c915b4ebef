package io.qalam.newsroom;

import java.util.List;

import io.qalam.QalamTest;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.accounts.AuditLog;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users admin and the audit log: role changes, deactivation and password resets take
 * effect on open sessions at once, and every state change is logged with who, what, when
 * and the client address.
 */
@QalamTest
class NewsroomAuditTests {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	ArticleWorkflow workflow;

	@Test
	void aRoleChangeEndsTheOpenSessionAndIsLogged() {
		String admin = user(Role.ADMIN);
		String editor = user(Role.EDITOR);
		NewsroomClient adminClient = client(admin, "203.0.113.7");
		NewsroomClient editorClient = client(editor, "198.51.100.20");
		assertThat(editorClient.get("/newsroom/articles/new").statusCode()).isEqualTo(200);

		adminClient.get("/newsroom/users");
		var changed = adminClient.post("/newsroom/users/" + editor + "/role", "role", "REPORTER");
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(this.accounts.find(editor).orElseThrow().role()).isEqualTo(Role.REPORTER);

		var ended = editorClient.get("/newsroom/articles/new");
		assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/login?ended");
		assertThat(Jsoup.parse(editorClient.get("/newsroom/login?ended").body()).selectFirst(".notice").text())
			.isEqualTo("Your session ended because your account was changed. Log in again.");
		assertThat(editorClient.get("/newsroom").headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/login");

		List<AuditLog.Entry> entries = entries(admin, AuditLog.Action.ROLE_CHANGED);
		assertThat(entries).singleElement().satisfies((e) -> {
			assertThat(e.subject()).isEqualTo("account " + editor + ": EDITOR → REPORTER");
			assertThat(e.address()).isEqualTo("203.0.113.7");
		});
		assertThat(entries(editor, AuditLog.Action.LOGIN)).singleElement()
			.extracting(AuditLog.Entry::address)
			.isEqualTo("198.51.100.20");

		var own = adminClient.post("/newsroom/users/" + admin + "/role", "role", "EDITOR");
		assertThat(own.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(own.body()).selectFirst(".error").text()).isEqualTo("You cannot change your own role.");
		assertThat(this.accounts.find(admin).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void disablingAnAccountEndsItsSession() {
		String admin = user(Role.ADMIN);
		String reporter = user(Role.REPORTER);
		NewsroomClient adminClient = client(admin, "203.0.113.8");
		NewsroomClient reporterClient = client(reporter, "198.51.100.21");
		adminClient.get("/newsroom/users");
		adminClient.post("/newsroom/users/" + reporter + "/enabled", "enabled", "false");
		assertThat(reporterClient.get("/newsroom").headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/login?ended");
		assertThat(entries(admin, AuditLog.Action.USER_DISABLED)).singleElement()
			.extracting(AuditLog.Entry::subject)
			.isEqualTo("account " + reporter);
	}

	@Test
	void aPasswordResetIsShownOnceAndMustBeChanged() {
		String admin = user(Role.ADMIN);
		String reporter = user(Role.REPORTER);
		NewsroomClient adminClient = client(admin, "203.0.113.9");
		adminClient.get("/newsroom/users");
		var reset = adminClient.post("/newsroom/users/" + reporter + "/password-reset");
		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat(reset.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		String notice = Jsoup.parse(reset.body()).selectFirst(".notice").text();
		String temporary = notice.replaceAll(".*”: (\\S+) — .*", "$1");
		assertThat(temporary).hasSize(16);
		assertThat(Jsoup.parse(adminClient.get("/newsroom/users").body()).text()).doesNotContain(temporary);

		NewsroomClient old = new NewsroomClient(this.port);
		assertThat(old.login(reporter, PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/login?error");
		NewsroomClient fresh = new NewsroomClient(this.port);
		assertThat(fresh.login(reporter, temporary).headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/password");
		assertThat(fresh.get("/newsroom/articles/new").headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/password");
		assertThat(entries(admin, AuditLog.Action.PASSWORD_RESET)).hasSize(1);
		assertThat(entries(reporter, AuditLog.Action.LOGIN_FAILED)).hasSize(1);
	}

	@Test
	void articleTransitionsAreLoggedInTheirTransactionAndFilterable() {
		String editor = user(Role.EDITOR);
		Actor actor = new Actor(editor, Role.EDITOR, "192.0.2.44");
		long id = this.workflow.createDraft(actor, "en",
				new Draft("Audit trail", "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null, null));
		int version = this.workflow.publish(actor, id, 0);
		this.workflow.unpublish(actor, id, version);
		assertThat(this.audit.search(new AuditLog.Filter(editor, null, null, null), 0, 10).entries())
			.extracting(AuditLog.Entry::action)
			.containsExactly(AuditLog.Action.ARTICLE_UNPUBLISHED, AuditLog.Action.ARTICLE_PUBLISHED,
					AuditLog.Action.ARTICLE_CREATED);
		assertThat(entries(editor, AuditLog.Action.ARTICLE_PUBLISHED)).singleElement().satisfies((e) -> {
			assertThat(e.subject()).isEqualTo("article " + id + " (en): Audit trail");
			assertThat(e.address()).isEqualTo("192.0.2.44");
		});

		NewsroomClient admin = client(user(Role.ADMIN), "203.0.113.10");
		Document page = Jsoup.parse(admin.get("/newsroom/audit?actor=" + editor + "&action=ARTICLE_PUBLISHED").body());
		assertThat(page.select("table.audit tbody tr")).hasSize(1);
		assertThat(page.selectFirst("table.audit tbody tr").text()).contains(editor, "Published article", "Audit trail",
				"192.0.2.44");
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString();
		assertThat(Jsoup.parse(admin.get("/newsroom/audit?actor=" + editor + "&from=" + today + "&to=" + today).body())
			.select("table.audit tbody tr")).hasSize(3);
		assertThat(Jsoup.parse(admin.get("/newsroom/audit?actor=" + editor + "&to=2001-01-01").body())
			.select("table.audit tbody tr")).isEmpty();

		var bad = admin.get("/newsroom/audit?actor=" + editor + "&from=yesterday&action=DROP");
		assertThat(bad.statusCode()).isEqualTo(400);
		var error = Jsoup.parse(bad.body()).selectFirst(".error");
		assertThat(error.selectFirst("p").text()).isEqualTo("Not filtered by what could not be read:");
		assertThat(error.select("li")).extracting((li) -> li.text())
			.containsExactly("there is no action “DROP”", "“From (day)” is not a date like 2026-11-27");
	}

	private List<AuditLog.Entry> entries(String actor, AuditLog.Action action) {
		return this.audit.search(new AuditLog.Filter(actor, action, null, null), 0, 50).entries();
	}

	private NewsroomClient client(String username, String address) {
		NewsroomClient client = new NewsroomClient(this.port).from(address);
		client.login(username, PASSWORD);
		return client;
	}

	private String user(Role role) {
		return TestAccounts.create(this.accounts, role);
	}

}
