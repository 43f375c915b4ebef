package io.qalam.newsroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser-like client for newsroom tests: keeps its cookies (one session per client),
 * posts forms with the page's CSRF token, never follows redirects, and can claim a client
 * address through {@code X-Forwarded-For} as a proxy in front would.
 */
public final class NewsroomClient {

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final List<String> extraHeaders = new ArrayList<>();

	// the browser's language, which the newsroom speaks before login
	private String language = "en";

	private String csrfName = "_csrf";

	private String csrfToken;

	public NewsroomClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * Sends {@code Accept-Language} as a browser set to this language would (en by
	 * default; null sends none).
	 */
	public NewsroomClient speaking(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	/** Sends every request as if from this client address, through a trusted proxy. */
	public NewsroomClient from(String address) {
		this.extraHeaders.add("X-Forwarded-For");
		this.extraHeaders.add(address);
		return this;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET());
		rememberCsrf(response.body());
		return response;
	}

	/** A GET of a file, such as a download, whole as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A GET as a TLS-terminating proxy forwards it: {@code X-Forwarded-Proto: https}. */
	HttpResponse<String> getWithProto(String path) {
		HttpResponse<String> response = send(request(path).header("X-Forwarded-Proto", "https").GET());
		rememberCsrf(response.body());
		return response;
	}

	/**
	 * Posts a form with the CSRF token of the last page this client loaded; a name given
	 * twice is sent twice, as a browser sends several fields of one name.
	 */
	public HttpResponse<String> post(String path, String... fields) {
		List<String> form = new ArrayList<>(List.of(fields));
		if (this.csrfToken != null) {
			form.add(this.csrfName);
			form.add(this.csrfToken);
		}
		return postRaw(path, form);
	}

	/** Posts without any CSRF token, as a forged form on another site would. */
	HttpResponse<String> postWithoutCsrf(String path, String... fields) {
		return postRaw(path, List.of(fields));
	}

	/**
	 * Posts a multipart form, as a browser does for a form with a file field, with the
	 * CSRF token of the last page this client loaded.
	 * @param file the file part: field name, file name, content type and content
	 */
	HttpResponse<String> postMultipart(String path, FilePart file, String... fields) {
		String boundary = "qalam-test-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		List<String> all = new ArrayList<>(List.of(fields));
		if (this.csrfToken != null) {
			all.add(this.csrfName);
			all.add(this.csrfToken);
		}
		for (int i = 0; i < all.size(); i += 2) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
					+ all.get(i + 1) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (file != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(
				request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		rememberCsrf(response.body());
		return response;
	}

	/**
	 * Posts a file as the request's body, as a page's script sends one, with the CSRF
	 * token of the last page this client loaded in its header.
	 */
	public HttpResponse<String> postBody(String path, String contentType, byte[] content) {
		HttpRequest.Builder request = request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(content));
		if (this.csrfToken != null) {
			request.header("X-CSRF-TOKEN", this.csrfToken);
		}
		return send(request);
	}

	/** A file in a multipart form. */
	record FilePart(String field, String filename, String contentType, byte[] content) {
	}

	/** Logs in through the login form; the answer is the redirect that follows. */
	public HttpResponse<String> login(String username, String password) {
		get("/newsroom/login");
		return post("/newsroom/login", "username", username, "password", password);
	}

	private HttpResponse<String> postRaw(String path, List<String> form) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < form.size(); i += 2) {
			pairs.add(encode(form.get(i)) + "=" + encode(form.get(i + 1)));
		}
		String body = String.join("&", pairs);
		HttpResponse<String> response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		rememberCsrf(response.body());
		return response;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20));
		if (this.language != null) {
			builder.header("Accept-Language", this.language);
		}
		if (!this.extraHeaders.isEmpty()) {
			builder.headers(this.extraHeaders.toArray(String[]::new));
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void rememberCsrf(String html) {
		if (html == null || html.isEmpty()) {
			return;
		}
		Element hidden = Jsoup.parse(html).selectFirst("input[type=hidden][name=_csrf]");
		if (hidden != null) {
			this.csrfName = hidden.attr("name");
			this.csrfToken = hidden.attr("value");
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
