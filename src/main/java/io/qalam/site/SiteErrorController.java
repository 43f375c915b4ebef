package io.qalam.site;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.content.PublishedArticles;
import io.qalam.content.Redirects;

import io.qalam.platform.web.ErrorPages;
import io.qalam.platform.web.PublicChrome;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.web.PublicLayout;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the site answers — 404, 400, 500 … — as a page in the edition's language
 * (taken from the address), without stack traces or internal detail. Parts with a look of
 * their own (the newsroom) answer with their {@link ErrorPages}. Before a reader gets a
 * 404, the address is looked up among the {@link Redirects}: an old address answers 301.
 */
@Controller
class SiteErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(SiteErrorController.class);

	private final PublicChrome pages;

	private final Editions editions;

	private final List<ErrorPages> otherPages;

	// an article's address with a slash after it, as old sites and readers write it
	private static final Pattern ARTICLE_WITH_SLASH = Pattern
		.compile("^(/([a-z]{2,8})/\\d{4}/\\d{2}/\\d{2}/([a-z0-9-]{1,80}))/$");

	private final Redirects redirects;

	private final PublishedArticles articles;

	SiteErrorController(PublicChrome pages, Editions editions, ObjectProvider<ErrorPages> otherPages,
			Redirects redirects, PublishedArticles articles) {
		this.pages = pages;
		this.editions = editions;
		this.otherPages = otherPages.orderedStream().toList();
		this.redirects = redirects;
		this.articles = articles;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) {
		int status = status(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String kind = switch (status) {
			case 400, 403, 404, 405 -> Integer.toString(status);
			default -> (status >= 500) ? "500" : "400";
		};
		for (ErrorPages other : this.otherPages) {
			if (uri != null && other.covers(uri)) {
				response.setStatus(status);
				return other.render(kind, request, response, model);
			}
		}
		if (status == 404 && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
			Optional<String> moved = this.redirects.find(uri,
					(String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
			if (moved.isEmpty()) {
				moved = withoutSlash(uri);
			}
			if (moved.isPresent()) {
				return CachePolicy.movedPermanently(request, response, moved.get());
			}
		}
		Edition edition = editionOf(uri);
		var messages = this.pages.messages(edition);
		PublicChrome.Page page = this.pages
			.page(edition, "/" + edition.code() + "/", messages.get("error." + kind + ".title"))
			.notIndexed()
			.languages(this.pages.everyEdition(edition, (e) -> "/" + e.code() + "/"));
		PublicLayout layout;
		try {
			layout = page.build();
		}
		catch (RuntimeException ex) {
			// CASE: the error came from the database itself; show the page without
			// navigation
			log.warn("Error page rendered without navigation: {}", ex.toString());
			layout = page.buildWithoutDatabase();
		}
		model.addAttribute("model", new ErrorModel(layout, kind));
		response.setStatus(status);
		CachePolicy.errorPage(response);
		return "site/error";
	}

	private Optional<String> withoutSlash(String uri) {
		Matcher article = ARTICLE_WITH_SLASH.matcher((uri != null) ? uri : "");
		if (!article.matches() || this.editions.find(article.group(2)).isEmpty()) {
			return Optional.empty();
		}
		return this.articles.article(article.group(2), article.group(3))
			.map((page) -> page.path())
			.filter((path) -> path.equals(article.group(1)));
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (code instanceof Integer value && value >= 400) ? value : 500;
	}

	/** The edition named by the first segment of the failed address, else the default. */
	private Edition editionOf(String uri) {
		if (uri != null) {
			String[] segments = uri.split("/", 3);
			if (segments.length > 1) {
				return this.editions.find(segments[1]).orElse(this.editions.defaultEdition());
			}
		}
		return this.editions.defaultEdition();
	}

}
