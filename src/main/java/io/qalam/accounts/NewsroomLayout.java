package io.qalam.accounts;

import java.util.List;

import io.qalam.platform.web.PublicLayout;

/**
 * The model of the newsroom layout ({@code layout/newsroom.jte}).
 *
 * @param title the page's own title
 * @param user the logged-in user's display name, or null on the login page
 * @param nav the newsroom's sections the user may open
 * @param csrf the token every form posts back
 */
public record NewsroomLayout(String title, String user, List<PublicLayout.Link> nav, Csrf csrf, String cssPath) {

	/** The anti-forgery token of this session: the hidden field's name and value. */
	public record Csrf(String parameterName, String token) {
	}

}
