package io.qalam.platform;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer names its request: the proxy's plain {@code X-Request-Id}, or a new one —
 * also a page served from the page cache, which must not repeat the id it was kept with.
 */
@QalamTest
class RequestIdsTests {

	@LocalServerPort
	int port;

	@Test
	void eachAnswerCarriesItsRequestsId() {
		WebClient web = new WebClient(this.port);
		String first = web.get("/en/").headers().firstValue("X-Request-Id").orElseThrow();
		var kept = web.get("/en/");
		assertThat(kept.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(kept.headers().allValues("X-Request-Id")).hasSize(1).doesNotContain(first);
		assertThat(first).matches("[0-9a-f]{16}");
		assertThat(web.get("/en/", "X-Request-Id", "proxy-1.2").headers().firstValue("X-Request-Id"))
			.hasValue("proxy-1.2");
		// anything else a client sends is not written into logs as it came
		assertThat(web.get("/en/", "X-Request-Id", "<script>").headers().firstValue("X-Request-Id").orElseThrow())
			.matches("[0-9a-f]{16}");
	}

}
