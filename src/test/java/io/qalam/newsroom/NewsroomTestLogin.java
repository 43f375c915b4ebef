package io.qalam.newsroom;

import java.net.http.HttpResponse;

/**
 * A logged-in newsroom session for tests outside this package (the newsroom pages of
 * other modules, such as the widgets' status page).
 */
public final class NewsroomTestLogin {

	private final NewsroomClient client;

	private NewsroomTestLogin(NewsroomClient client) {
		this.client = client;
	}

	/** Logs in with {@link TestAccounts#PASSWORD}. */
	public static NewsroomTestLogin as(int port, String username) {
		NewsroomClient client = new NewsroomClient(port);
		client.login(username, TestAccounts.PASSWORD);
		return new NewsroomTestLogin(client);
	}

	/** The body of a page, as this user sees it. */
	public String get(String path) {
		return this.client.get(path).body();
	}

	/**
	 * Posts a file as the request's body, with the CSRF token of the last page loaded.
	 */
	public HttpResponse<String> postFile(String path, byte[] content) {
		return this.client.postBody(path, "application/octet-stream", content);
	}

	/** The whole answer to a GET, as this user gets it. */
	public HttpResponse<String> fetch(String path) {
		return this.client.get(path);
	}

	/** The whole answer to a GET of a file, as bytes. */
	public HttpResponse<byte[]> fetchBytes(String path) {
		return this.client.getBytes(path);
	}

	/** Posts a form with the CSRF token of the last page loaded. */
	public HttpResponse<String> post(String path, String... fields) {
		return this.client.post(path, fields);
	}

}
