package io.qalam.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.qalam.TestNodes;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new install is watched from outside while it starts: the first page it serves must
 * already show the demo content, never an empty site that the page cache then keeps.
 */
class NewInstallTests {

	@Test
	void theFirstPageServedShowsTheDemoContent() throws Exception {
		int port = freePort();
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> TestNodes.start(Map.of("server.port", String.valueOf(port), "spring.datasource.url",
					"jdbc:h2:mem:new-install-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
					"spring.datasource.username", "sa", "qalam.demo.enabled", "true")));
		try {
			HttpResponse<String> first = firstAnswer(new WebClient(port), starting);
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(Jsoup.parse(first.body()).select(".teaser-headline a")).hasSizeGreaterThan(5);
		}
		finally {
			starting.get(2, TimeUnit.MINUTES).close();
		}
	}

	/** Asks for the home page of the Russian edition until the node answers at all. */
	private static HttpResponse<String> firstAnswer(WebClient web, CompletableFuture<?> starting)
			throws InterruptedException {
		long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < giveUp) {
			try {
				return web.get("/ru/");
			}
			catch (UncheckedIOException refused) {
				if (starting.isCompletedExceptionally()) {
					throw new IllegalStateException("the node failed to start", refused);
				}
				Thread.sleep(5);
			}
		}
		throw new IllegalStateException("the node did not answer within two minutes");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
