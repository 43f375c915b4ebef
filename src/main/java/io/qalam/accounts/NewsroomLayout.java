package io.qalam.accounts;

import java.util.List;

import io.qalam.platform.web.Dates;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.PublicLayout;

/**
 * The model of the newsroom layout ({@code layout/newsroom.jte}).
 *
 * @param title the page's own title, in the page's language
 * @param user the logged-in user's display name, or null on the login page
 * @param nav the newsroom's sections the user may open
 * @param csrf the token every form posts back
 * @param text the newsroom's text in the user's language
 * @param dates times in the newsroom's time zone, in the user's language
 * @param language the user's newsroom language, for {@code <html lang>}
 * @param languages the languages the user may switch to
 * @param path this page's path, where the language switch comes back to
 */
public record NewsroomLayout(String title, String user, List<PublicLayout.Link> nav, Csrf csrf, String cssPath,
		Messages text, Dates dates, String language, List<String> languages, String path) {

	/** The anti-forgery token of this session: the hidden field's name and value. */
	public record Csrf(String parameterName, String token) {
	}

}
