package io.qalam.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.ArticleStatus;
import io.qalam.content.ArticleWorkflow;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing through the content API over HTTP: a token acts as its account with that
 * account's role and never more, within its scopes; missing, unknown, expired and revoked
 * tokens are refused; every use is audited; the token is stored only as a digest; the
 * newsroom's page issues a token once and revokes it.
 */
@QalamTest
class ApiWriteTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	String editor;

	String reporter;

	@BeforeEach
	void accounts() {
		this.editor = TestAccounts.create(this.accounts, Role.EDITOR);
		this.reporter = TestAccounts.create(this.accounts, Role.REPORTER);
	}

	private String token(String account, ApiTokens.Scope... scopes) {
		return this.tokens.issue("admin-test", "127.0.0.1", account, "test app",
				scopes.length == 0 ? Set.of() : EnumSet.of(scopes[0], scopes), 30);
	}

	private HttpResponse<String> send(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String DRAFT = """
			{"edition": "ru", "headline": "Новость из приложения", "lead": "Коротко.",
			 "bodyHtml": "<p>Текст.</p><script>alert(1)</script>", "section": "economy", "tags": ["приложение"]}""";

	@Test
	void aTokenWritesDraftsAsItsAccountWithoutACsrfToken() {
		String token = token(this.editor, ApiTokens.Scope.DRAFTS_WRITE);
		HttpResponse<String> created = send("POST", "/api/v1/drafts", token,
				DRAFT.replace("<script>alert(1)</script>", ""));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode draft = JSON.readTree(created.body());
		long id = draft.get("id").asLong();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		var stored = this.workflow.find(id).orElseThrow();
		assertThat(stored.owner()).isEqualTo(this.editor);
		assertThat(stored.draft().headline()).isEqualTo("Новость из приложения");

		HttpResponse<String> saved = send("PUT", "/api/v1/drafts/" + id, token, """
				{"version": %d, "headline": "Новость из приложения, дополнено", "lead": "Коротко.",
				 "bodyHtml": "<p>Текст.</p>", "section": "economy"}""".formatted(draft.get("version").asInt()));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		HttpResponse<String> stale = send("PUT", "/api/v1/drafts/" + id, token, """
				{"version": 0, "headline": "Старая версия", "section": "economy"}""");
		assertThat(stale.statusCode()).isEqualTo(409);
		// the newsroom's own rules: a body the site cannot show is refused, by field
		HttpResponse<String> refused = send("POST", "/api/v1/drafts", token, DRAFT);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(refused.body()).get("fields").has("bodyHtml")).isTrue();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :who AND action = 'API_WRITE'")
			.param("who", this.editor)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE digest = :token")
			.param("token", token)
			.query(Long.class)
			.single()).as("only the digest is kept").isZero();
	}

	@Test
	void aTokenNeverDoesMoreThanItsScopesAndItsAccountsRole() {
		String draftsOnly = token(this.editor, ApiTokens.Scope.DRAFTS_WRITE);
		long id = JSON
			.readTree(send("POST", "/api/v1/drafts", draftsOnly, DRAFT.replace("<script>alert(1)</script>", "")).body())
			.get("id")
			.asLong();
		HttpResponse<String> noScope = send("POST", "/api/v1/articles/" + id + "/publish?version=0", draftsOnly, null);
		assertThat(noScope.statusCode()).isEqualTo(403);
		assertThat(noScope.body()).contains("articles:publish");
		assertThat(send("POST", "/api/v1/media?edition=ru", draftsOnly, "x").statusCode()).isEqualTo(403);

		// a reporter's token with every scope still publishes nothing
		String reporterToken = token(this.reporter, ApiTokens.Scope.DRAFTS_WRITE, ApiTokens.Scope.ARTICLES_PUBLISH);
		long own = JSON
			.readTree(send("POST", "/api/v1/drafts", reporterToken, DRAFT.replace("<script>alert(1)</script>", ""))
				.body())
			.get("id")
			.asLong();
		HttpResponse<String> byReporter = send("POST", "/api/v1/articles/" + own + "/publish?version=0", reporterToken,
				null);
		assertThat(byReporter.statusCode()).as(byReporter.body()).isEqualTo(403);
		assertThat(this.workflow.find(own).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);

		String publisher = token(this.editor, ApiTokens.Scope.ARTICLES_PUBLISH);
		HttpResponse<String> published = send("POST", "/api/v1/articles/" + id + "/publish?version=0", publisher, null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(JSON.readTree(published.body()).get("path").asString()).startsWith("/ru/");
		assertThat(this.workflow.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
	}

	@Test
	void aPictureComesIntoTheMediaLibraryWithTheUploadsChecks() throws IOException {
		String token = token(this.editor, ApiTokens.Scope.MEDIA_WRITE);
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 800,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", jpeg);
		HttpResponse<String> uploaded = sendBytes("/api/v1/media?edition=ru&caption=%D0%9C%D0%BE%D1%81%D1%82", token,
				jpeg.toByteArray());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(JSON.readTree(uploaded.body()).get("variants").size()).isPositive();
		HttpResponse<String> notImage = sendBytes("/api/v1/media?edition=ru", token,
				"<html>not a picture</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(notImage.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(notImage.body()).get("error").asString()).contains("JPEG");
	}

	@Test
	void aTokenWritesAtMostSixtyTimesAMinuteOnANode() {
		String token = token(this.editor, ApiTokens.Scope.DRAFTS_WRITE);
		int refused = 0;
		for (int i = 0; i < 61; i++) {
			// an empty draft: refused by the workflow, counted all the same
			refused = send("POST", "/api/v1/drafts", token, "{}").statusCode();
		}
		assertThat(refused).isEqualTo(429);
	}

	@Test
	void aWriteBodyOverTwoMegabytesIsRefusedUnread() {
		String huge = "{\"headline\": \"" + "а".repeat(1_200_000) + "\"}";
		HttpResponse<String> refused = send("POST", "/api/v1/drafts", null, huge);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(JSON.readTree(refused.body()).get("error").asString()).contains("2 MB");
	}

	private HttpResponse<String> sendBytes(String path, String token, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/octet-stream")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void missingUnknownExpiredAndRevokedTokensAreRefused() {
		HttpResponse<String> missing = send("POST", "/api/v1/drafts", null, DRAFT);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(send("POST", "/api/v1/drafts", "qlm_not-a-token", DRAFT).statusCode()).isEqualTo(401);

		String expired = token(this.editor, ApiTokens.Scope.DRAFTS_WRITE);
		this.jdbc.sql("UPDATE api_tokens SET expires_at = created_at WHERE digest = :digest")
			.param("digest", ApiTokens.digest(expired))
			.update();
		assertThat(send("POST", "/api/v1/drafts", expired, DRAFT).statusCode()).isEqualTo(401);

		String revoked = token(this.editor, ApiTokens.Scope.DRAFTS_WRITE);
		long id = this.tokens.all().get(0).id();
		assertThat(this.tokens.revoke("admin-test", "127.0.0.1", id)).isTrue();
		assertThat(send("POST", "/api/v1/drafts", revoked, DRAFT).statusCode()).isEqualTo(401);

		// a disabled account's tokens stop with it
		String disabled = token(this.reporter, ApiTokens.Scope.DRAFTS_WRITE);
		this.accounts.setEnabled(this.reporter, false, "admin-test");
		assertThat(send("POST", "/api/v1/drafts", disabled, DRAFT).statusCode()).isEqualTo(401);
	}

	@Test
	void anAdminIssuesATokenInTheNewsroomAndSeesItOnce() {
		NewsroomTestLogin admin = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.ADMIN));
		admin.get("/newsroom/api-tokens");
		HttpResponse<String> issued = admin.post("/newsroom/api-tokens", "account", this.editor, "name", "iOS app",
				"scope", "drafts:write", "days", "30");
		assertThat(issued.statusCode()).isEqualTo(200);
		String token = org.jsoup.Jsoup.parse(issued.body()).select("code.token").text();
		assertThat(token).startsWith(ApiTokens.PREFIX);
		assertThat(admin.get("/newsroom/api-tokens")).contains("iOS app").doesNotContain(token);
		assertThat(send("POST", "/api/v1/drafts", token, DRAFT.replace("<script>alert(1)</script>", "")).statusCode())
			.isEqualTo(201);
		HttpResponse<String> noScope = admin.post("/newsroom/api-tokens", "account", this.editor, "name", "Nothing",
				"days", "30");
		assertThat(noScope.statusCode()).isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'API_TOKEN_ISSUED' AND subject LIKE :s")
			.param("s", "%iOS app%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
