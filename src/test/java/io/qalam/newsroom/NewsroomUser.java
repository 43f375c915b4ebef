package io.qalam.newsroom;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A newsroom user scripted through the real forms, for tests and the fault suite that
 * drive a running site from outside: logs in, writes, publishes and edits as a browser
 * would. Each call answers what the site acknowledged.
 */
public final class NewsroomUser {

	/** The password a scripted admin sets at its first login. */
	public static final String NEW_PASSWORD = "Steppe-wind-over-Ili-2026";

	private static final Pattern ARTICLE = Pattern.compile("/newsroom/articles/(\\d+)\\?done=");

	private final NewsroomClient client;

	private NewsroomUser(NewsroomClient client) {
		this.client = client;
	}

	/**
	 * Logs in; when the account must change its password first, changes it to
	 * {@link #NEW_PASSWORD}.
	 */
	public static NewsroomUser login(int port, String username, String password) {
		NewsroomClient client = new NewsroomClient(port);
		HttpResponse<String> answer = client.login(username, password);
		String next = answer.headers().firstValue("Location").orElse("");
		if (next.endsWith("/newsroom/login?error") || answer.statusCode() != 302) {
			throw new IllegalStateException("login refused for " + username + ": " + answer.statusCode() + " " + next);
		}
		if (next.endsWith("/newsroom/password")) {
			client.get("/newsroom/password");
			HttpResponse<String> changed = client.post("/newsroom/password", "current", password, "password",
					NEW_PASSWORD, "confirm", NEW_PASSWORD);
			if (changed.statusCode() != 302) {
				throw new IllegalStateException("password change refused: " + changed.statusCode());
			}
		}
		return new NewsroomUser(client);
	}

	/**
	 * Creates a draft in the edition's first section.
	 * @return the new article's id, once the site acknowledged it
	 */
	public long createDraft(String edition, String headline, String body) {
		Document page = Jsoup.parse(this.client.get("/newsroom/articles/new?edition=" + edition).body());
		String section = page.select("select[name=section] option[value~=.]").first().attr("value");
		HttpResponse<String> answer = this.client.post("/newsroom/articles",
				EditorFormFields.of(page, "edition", edition, "headline", headline, "lead", "Lead of " + headline,
						"body", "<p>" + body + "</p>", "section", section));
		return acknowledged(answer);
	}

	/** Publishes the article as it is. */
	public void publish(long id) {
		act(id, "publish");
	}

	/**
	 * Loads the article's editor now and returns the press of its Publish button, for
	 * timing the publication alone.
	 */
	public Runnable publishButton(long id) {
		Document page = Jsoup.parse(editor(id).body());
		String[] fields = EditorFormFields.with(EditorFormFields.of(page), "action", "publish");
		return () -> acknowledged(this.client.post("/newsroom/articles/" + id, fields));
	}

	/**
	 * Presses one of the editor's buttons ({@code "save"}, {@code "schedule"}…) with
	 * these fields changed, e.g. {@code "leadImage", "12"}.
	 */
	public void press(long id, String action, String... replaced) {
		act(id, action, replaced);
	}

	/**
	 * Posts a newsroom form as this user: the page first, as a browser would, then the
	 * form.
	 */
	public HttpResponse<String> submit(String page, String action, String... fields) {
		this.client.get(page);
		return this.client.post(action, fields);
	}

	/** Saves a new body for the article (a new version). */
	public void edit(long id, String body) {
		act(id, "save", "body", "<p>" + body + "</p>");
	}

	/** Asks for a fetch of a widget source now ("rates" or "weather"). */
	public void refreshWidgets(String source) {
		this.client.get("/newsroom/widgets");
		HttpResponse<String> answer = this.client.post("/newsroom/widgets/refresh", "source", source);
		if (answer.statusCode() != 302) {
			throw new IllegalStateException("refresh not queued: HTTP " + answer.statusCode());
		}
	}

	/** Uploads an image to the media library; the answer as the site gave it. */
	public HttpResponse<String> uploadImage(String filename, byte[] content) {
		this.client.get("/newsroom/media");
		return this.client.postMultipart("/newsroom/media",
				new NewsroomClient.FilePart("file", filename, "image/png", content), "caption", "Uploaded " + filename,
				"credit", "Photo: test");
	}

	/** A newsroom page's HTML, as this user sees it. */
	public String page(String path) {
		return this.client.get(path).body();
	}

	/** The article's editor page, as this user sees it. */
	public HttpResponse<String> editor(long id) {
		return this.client.get("/newsroom/articles/" + id);
	}

	private void act(long id, String action, String... replaced) {
		Document page = Jsoup.parse(editor(id).body());
		String[] fields = EditorFormFields.with(EditorFormFields.of(page, replaced), "action", action);
		acknowledged(this.client.post("/newsroom/articles/" + id, fields));
	}

	private static long acknowledged(HttpResponse<String> answer) {
		String location = answer.headers().firstValue("Location").orElse("");
		Matcher matcher = ARTICLE.matcher(location);
		if (answer.statusCode() != 302 || !matcher.find()) {
			String said = Jsoup.parse(answer.body()).select(".error, .field-error").text();
			throw new IllegalStateException("not acknowledged: HTTP " + answer.statusCode() + " " + location + said);
		}
		return Long.parseLong(matcher.group(1));
	}

}
