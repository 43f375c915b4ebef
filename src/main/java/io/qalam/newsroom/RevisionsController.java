package io.qalam.newsroom;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.platform.Text;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.EditableArticle;
import io.qalam.content.Revision;
import io.qalam.content.RevisionDiff;
import io.qalam.content.WorkflowException;
import io.qalam.accounts.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An article's revision history, the word-level comparison of any two, and restoring. */
@Controller
class RevisionsController {

	private final NewsroomChrome pages;

	private final ArticleWorkflow workflow;

	private final UserAccounts accounts;

	RevisionsController(NewsroomChrome pages, ArticleWorkflow workflow, UserAccounts accounts) {
		this.pages = pages;
		this.workflow = workflow;
		this.accounts = accounts;
	}

	@GetMapping("/newsroom/articles/{id:\\d{1,18}}/revisions")
	String history(@PathVariable long id, @RequestParam(required = false) String a,
			@RequestParam(required = false) String b, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return page(id, a, b, null, request, response, model);
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/revisions/{number:\\d{1,9}}/restore")
	String restore(@PathVariable long id, @PathVariable int number,
			@RequestParam(name = "version", required = false) String version, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (version == null || !version.matches("\\d{1,9}")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(id, null, null, Text.of("revisions.incomplete"), request, response, model);
		}
		try {
			this.workflow.restore(ArticleEditorController.actor(this.accounts, request), id, Integer.parseInt(version),
					number);
			return "redirect:/newsroom/articles/" + id + "?done=restore";
		}
		catch (WorkflowException ex) {
			response.setStatus((ex instanceof WorkflowException.StaleVersion) ? HttpServletResponse.SC_CONFLICT
					: HttpServletResponse.SC_BAD_REQUEST);
			return page(id, null, null, ex.text(), request, response, model);
		}
	}

	private String page(long id, String a, String b, Text error, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		EditableArticle article = this.workflow.find(id).orElseThrow(ArticleEditorController.NotFound::new);
		List<Revision> revisions = this.workflow.revisions(id);
		RevisionDiff.Comparison comparison = null;
		Optional<Revision> older = find(revisions, a);
		Optional<Revision> newer = find(revisions, b);
		if ((a != null && older.isEmpty()) || (b != null && newer.isEmpty())) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			error = Text.of("revisions.chooseTwo");
		}
		else if (older.isPresent() && newer.isPresent()) {
			comparison = RevisionDiff.compare(older.get(), newer.get());
		}
		else if (revisions.size() >= 2) {
			// CASE: no choice yet: what the last save changed
			comparison = RevisionDiff.compare(revisions.get(1), revisions.get(0));
		}
		AccountController.noStore(response);
		model.addAttribute("model",
				new RevisionsModel(
						this.pages.layout(request, Text.of("revisions.title", article.draft().headline()), null),
						article, revisions, comparison, error));
		return "newsroom/revisions";
	}

	private static Optional<Revision> find(List<Revision> revisions, String number) {
		if (number == null || !number.matches("\\d{1,9}")) {
			return Optional.empty();
		}
		int n = Integer.parseInt(number);
		return revisions.stream().filter((r) -> r.number() == n).findFirst();
	}

}
