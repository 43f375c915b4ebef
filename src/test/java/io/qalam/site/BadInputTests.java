package io.qalam.site;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed requests get a 4xx and a line in the log, never a 500 or a stack trace. */
@QalamTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests {

	@LocalServerPort
	int port;

	@Test
	void aNulInAMultipartFileNameIsABadRequest(CapturedOutput output) throws Exception {
		for (String path : new String[] { "/newsroom/login", "/en/search" }) {
			HttpResponse<String> answer = multipart(path, "file", "evil\u0000.jpg", "x".getBytes());
			assertThat(answer.statusCode()).as(path).isBetween(400, 403);
			assertThat(answer.body()).as(path).doesNotContain("Exception", "at org.");
		}
		assertThat(output.getAll()).doesNotContain("\tat org.apache").doesNotContain(" ERROR ");
	}

	@Test
	void invalidUtf8InAQueryIsABadRequestLoggedBriefly(CapturedOutput output) {
		var answer = new WebClient(this.port).get("/en/search?q=%ff%fe%fd", "X-Request-Id", "bad-input-7");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(output.getAll()).doesNotContain("\tat org.apache").doesNotContain(" ERROR ");
		// the line says which request it was, as the answer does
		assertThat(output.getAll().lines().filter((line) -> line.contains("Refused a malformed request")))
			.anyMatch((line) -> line.contains("bad-input-7"));
		assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("bad-input-7");
	}

	@Test
	void aHugeTextFieldIsTooLarge(CapturedOutput output) throws Exception {
		byte[] big = new byte[30 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		HttpResponse<String> answer = multipart("/newsroom/login", "username", null, big);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(output.getAll()).doesNotContain("\tat org.apache").doesNotContain(" ERROR ");
	}

	private HttpResponse<String> multipart(String path, String field, String filename, byte[] content)
			throws Exception {
		String boundary = "qalam-bad-input";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
				+ ((filename != null) ? "; filename=\"" + filename + "\"\r\nContent-Type: image/jpeg" : "")
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
