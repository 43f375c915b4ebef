package io.qalam.platform;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see what, and the headers that protect readers. */
@QalamTest
class SecurityConfigurationTests {

	@LocalServerPort
	int port;

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
	void operationsEndpointsAreNotPublic() {
		var response = new WebClient(this.port).get("/actuator/env");
		assertThat(response.statusCode()).isIn(302, 401, 403, 404);
		assertThat(response.body()).doesNotContain("spring.datasource");
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
