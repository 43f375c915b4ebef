package io.qalam.newsroom;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.platform.Text;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.ArticleStatus;
import io.qalam.content.Authors;
import io.qalam.content.NewsroomArticles;
import io.qalam.content.Sections;
import io.qalam.edition.Editions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: the newsroom's articles in every state, filtered by edition, section,
 * status and owner, searched by headline, paginated.
 */
@Controller
class DashboardController {

	private final NewsroomChrome pages;

	private final NewsroomArticles articles;

	private final Editions editions;

	private final Sections sections;

	private final Authors authors;

	private final UserAccounts accounts;

	DashboardController(NewsroomChrome pages, NewsroomArticles articles, Editions editions, Sections sections,
			Authors authors, UserAccounts accounts) {
		this.authors = authors;
		this.accounts = accounts;
		this.pages = pages;
		this.articles = articles;
		this.editions = editions;
		this.sections = sections;
	}

	@GetMapping("/newsroom")
	String dashboard(@RequestParam(required = false) String edition, @RequestParam(required = false) String section,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String mine, @RequestParam(required = false) String waiting,
			@RequestParam(required = false) String author, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page,
			@RequestParam(required = false) String done, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		AccountController.noStore(response);
		Text error = null;
		String ed = blankToNull(edition);
		if (ed != null && this.editions.find(ed).isEmpty()) {
			error = Text.of("dashboard.noEdition", ed);
			ed = null;
		}
		String sec = blankToNull(section);
		if (sec != null && this.sections.find(this.editions.defaultEdition().code(), sec).isEmpty()) {
			error = Text.of("dashboard.noSection", sec);
			sec = null;
		}
		ArticleStatus st = null;
		if (blankToNull(status) != null) {
			st = Arrays.stream(ArticleStatus.values()).filter((s) -> s.name().equals(status)).findFirst().orElse(null);
			if (st == null) {
				error = Text.of("dashboard.noStatus", status);
			}
		}
		String query = blankToNull(q);
		if (query != null && query.length() > 200) {
			error = Text.of("dashboard.queryTooLong", 200);
			query = null;
		}
		String wanted = blankToNull(author);
		String byline = (wanted == null || this.authors.all(this.editions.defaultEdition().code())
			.stream()
			.anyMatch((a) -> a.slug().equals(wanted))) ? wanted : null;
		if (wanted != null && byline == null) {
			error = Text.of("dashboard.noAuthor", wanted);
		}
		Instant changedFrom = null;
		Instant changedBefore = null;
		try {
			changedFrom = (blankToNull(from) != null) ? day(from).atStartOfDay(this.pages.zone()).toInstant() : null;
			changedBefore = (blankToNull(to) != null) ? day(to).plusDays(1).atStartOfDay(this.pages.zone()).toInstant()
					: null;
		}
		catch (DateTimeParseException ex) {
			error = Text.of("dashboard.badDay");
		}
		int number = 1;
		if (page != null) {
			if (!page.matches("\\d{1,6}") || Integer.parseInt(page) < 1) {
				error = Text.of("dashboard.badPage");
			}
			else {
				number = Integer.parseInt(page);
			}
		}
		if (error != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		boolean onlyMine = "true".equals(mine);
		// "waiting for me": for an editor, what others sent for review
		boolean reviewer = ArticleEditorController.actor(this.accounts, request).role() != Role.REPORTER;
		boolean waitingForMe = "true".equals(waiting) && reviewer;
		NewsroomArticles.Filter filter = new NewsroomArticles.Filter(ed, sec,
				waitingForMe ? ArticleStatus.IN_REVIEW : st, onlyMine ? principal.getName() : null,
				waitingForMe ? principal.getName() : null, byline, changedFrom, changedBefore, query);
		NewsroomArticles.Page results = this.articles.search(filter, number);
		model.addAttribute("model",
				new DashboardModel(this.pages.layout(request, Text.of("dashboard.title"), "dashboard"), filter,
						onlyMine, reviewer, waitingForMe, blankToNull(from), blankToNull(to), results,
						this.editions.all().stream().map((e) -> e.code()).toList(),
						this.authors.all(this.editions.defaultEdition().code()),
						this.sections.all(this.editions.defaultEdition().code()), List.of(ArticleStatus.values()),
						error, "password".equals(done) ? Text.of("password.changed") : null));
		return "newsroom/dashboard";
	}

	// a day as the date field sends it (2026-12-03)
	private static LocalDate day(String value) {
		return LocalDate.parse(value.strip());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
