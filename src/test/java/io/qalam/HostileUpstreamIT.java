package io.qalam;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.qalam.newsroom.NewsroomUser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outside service that answers without end cannot take the site down: the jar on a
 * small heap, its rates service streaming 700 MB with no length announced.
 */
class HostileUpstreamIT {

	@TempDir
	Path dir;

	@Test
	void aHugeRatesAnswerIsRefusedAndTheSiteKeepsAnswering() throws Exception {
		try (EndlessService bank = new EndlessService(700L * 1024 * 1024);
				PackagedJar qalam = PackagedJar.start(this.dir.resolve("data"), List.of("-Xmx128m"),
						"--qalam.widgets.rates.url=http://127.0.0.1:" + bank.port(),
						"--qalam.widgets.http.retries=0")) {
			NewsroomUser admin = NewsroomUser.login(qalam.port(), "admin", qalam.firstAdminPassword());
			admin.refreshWidgets("rates");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> Jsoup.parse(admin.page("/newsroom/widgets"))
					.select("section[aria-labelledby=source-rates] .reason")
					.text()
					.contains("larger than"));
			assertThat(qalam.isAlive()).isTrue();
			assertThat(qalam.web().get("/ru/").statusCode()).isEqualTo(200);
			assertThat(qalam.web().get("/en/rates").statusCode()).isEqualTo(200);
		}
	}

	/**
	 * Answers every request with a 200 and {@code bytes} of XML-ish text, no length
	 * given.
	 */
	static final class EndlessService implements AutoCloseable {

		private final ServerSocket server;

		private final Thread thread;

		EndlessService(long bytes) throws IOException {
			this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			this.thread = new Thread(() -> serve(bytes), "endless-service");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		private void serve(long bytes) {
			byte[] chunk = "<x>0</x>".repeat(8192).getBytes(StandardCharsets.US_ASCII);
			while (!this.server.isClosed()) {
				try (Socket client = this.server.accept(); OutputStream out = client.getOutputStream()) {
					out.write("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nConnection: close\r\n\r\n<rss>"
						.getBytes(StandardCharsets.US_ASCII));
					for (long sent = 0; sent < bytes; sent += chunk.length) {
						out.write(chunk);
					}
				}
				catch (IOException closed) {
					// the client gave up, as it should
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
