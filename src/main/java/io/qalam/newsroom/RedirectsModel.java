package io.qalam.newsroom;

import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.content.Redirects;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/redirects.jte}.
 *
 * @param query what the list is narrowed to, or empty
 * @param from the old address the form holds (kept after a refusal)
 * @param to the new address the form holds
 */
public record RedirectsModel(NewsroomLayout layout, Redirects.Page found, String query, Text notice, Text error,
		Map<String, Text> errors, String from, String to) {

	public Text error(String field) {
		return this.errors.get(field);
	}

	/** The address of another page of the list, keeping what it is narrowed to. */
	public String pageLink(int page) {
		return "/newsroom/redirects?page=" + page + (this.query.isEmpty() ? ""
				: "&q=" + java.net.URLEncoder.encode(this.query, java.nio.charset.StandardCharsets.UTF_8));
	}

}
