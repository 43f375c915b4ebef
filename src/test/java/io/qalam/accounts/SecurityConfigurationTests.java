package io.qalam.accounts;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.Embeds;
import io.qalam.newsroom.NewsroomClient;
import io.qalam.newsroom.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see what, and the headers that protect readers. */
@QalamTest
class SecurityConfigurationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void newsroomNeedsALogin() {
		WebClient web = new WebClient(this.port);
		for (String path : new String[] { "/newsroom", "/newsroom/", "/newsroom/anything" }) {
			var response = web.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/newsroom/login");
		}
		assertThat(web.get("/newsroom/login").statusCode()).isEqualTo(200);
	}

	@Test
	void operationsEndpointsAreRefusedByLoginAndRole() {
		// Security answers before any endpoint is looked up: a stranger is sent to the
		// login, an editor is refused, and only an admin learns that env is not exposed
		var stranger = new WebClient(this.port).get("/actuator/env");
		assertThat(stranger.statusCode()).isEqualTo(302);
		assertThat(stranger.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/login");

		NewsroomClient editor = new NewsroomClient(this.port);
		editor.login(TestAccounts.create(this.accounts, Role.EDITOR), TestAccounts.PASSWORD);
		var refused = editor.get("/actuator/env");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("spring.datasource");

		NewsroomClient admin = new NewsroomClient(this.port);
		admin.login(TestAccounts.create(this.accounts, Role.ADMIN), TestAccounts.PASSWORD);
		assertThat(admin.get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(admin.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void publicPagesCarryProtectiveHeadersAndNoSession() {
		var response = new WebClient(this.port).get("/ru/");
		var headers = response.headers();
		assertThat(headers.allValues("Content-Security-Policy")).singleElement()
			.satisfies((csp) -> assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self';",
					"frame-ancestors 'none'"));
		assertThat(headers.firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
		assertThat(headers.firstValue("Referrer-Policy").orElseThrow()).isEqualTo("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("Set-Cookie")).isEmpty();
		// frames: exactly the embed providers', nothing else of theirs
		String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp.split(";")).filteredOn((directive) -> directive.strip().startsWith("frame-src"))
			.singleElement()
			.satisfies((directive) -> assertThat(directive.strip().split(" "))
				.containsExactlyElementsOf(java.util.stream.Stream
					.concat(java.util.stream.Stream.of("frame-src"), Embeds.FRAME_ORIGINS.stream())
					.toList()));
		assertThat(csp).doesNotContain("https://www.youtube.com", "https://twitter.com", "script-src 'self' https");
	}

	@Test
	void securityHeadersComeFromEachAnswerNeverFromThePageCache() {
		WebClient web = new WebClient(this.port);
		String page = "/en/section/economy";
		// First over plain HTTP (kept in the page cache), then over HTTPS through the
		// proxy
		assertThat(web.get(page).headers().firstValue("Strict-Transport-Security")).isEmpty();
		var https = web.get(page, "X-Forwarded-Proto", "https");
		assertThat(https.headers().firstValue("X-Cache").orElseThrow()).isEqualTo("HIT");
		assertThat(https.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
		assertThat(https.headers().allValues("Content-Security-Policy")).hasSize(1);
		assertThat(https.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(web.get(page).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void tomcatsOwnErrorPagesCarryTheSameHeaders() throws Exception {
		// A request Tomcat refuses itself, before any filter of ours: a raw % in the path
		try (var socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write("GET /en/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.US_ASCII);
			assertThat(answer).startsWith("HTTP/1.1 400")
				.contains("\r\nX-Content-Type-Options: nosniff\r\n", "\r\nContent-Security-Policy: default-src 'self'");
		}
	}

	@Test
	void theNewsroomAllowsExactlyTheEditorsOneInlineStyle() {
		var headers = new WebClient(this.port).get("/newsroom/login").headers();
		assertThat(headers.allValues("Content-Security-Policy")).singleElement()
			.satisfies((csp) -> assertThat(csp)
				.contains("style-src 'self' 'unsafe-hashes' 'sha256-RvAvREUHojDuwHylTVWZp9DhleqLs6ml8G7LpjCF+EY=';",
						"script-src 'self';", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline"));
	}

}
