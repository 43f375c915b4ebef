package io.qalam.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;

/**
 * The error page of a part of the site with a look of its own (the newsroom). Provided at
 * run time by that part's module; the site's own error page answers everywhere else.
 */
@NamedInterface("provided")
public interface ErrorPages {

	/** Whether a failed request to this address gets this page. */
	boolean covers(String path);

	/**
	 * Fills the model and answers the template to render.
	 * @param kind 400, 403, 404, 405 or 500
	 */
	String render(String kind, HttpServletRequest request, HttpServletResponse response, Model model);

}
