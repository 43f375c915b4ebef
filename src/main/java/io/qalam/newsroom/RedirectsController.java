package io.qalam.newsroom;

import java.util.Map;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Redirects;
import io.qalam.content.WorkflowException;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Old addresses and where they lead (editors and admins): an imported archive's
 * permalinks are listed here, and editors add one when they retire an address or remove
 * one that leads astray. The site answers them with a 301 where it has no page.
 */
@Controller
class RedirectsController {

	private final NewsroomChrome pages;

	private final Redirects redirects;

	private final UserAccounts accounts;

	RedirectsController(NewsroomChrome pages, Redirects redirects, UserAccounts accounts) {
		this.pages = pages;
		this.redirects = redirects;
		this.accounts = accounts;
	}

	@GetMapping("/newsroom/redirects")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Text notice = switch ((done != null) ? done : "") {
			case "added", "removed" -> Text.of("redirects.done." + done);
			default -> null;
		};
		return render(request, response, model, q, number(page), notice, null, Map.of(), "", "");
	}

	@PostMapping("/newsroom/redirects")
	String add(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			this.redirects.add(ArticleEditorController.actor(this.accounts, request), from, to);
		}
		catch (WorkflowException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, "", 1, null, ex.text(), ex.fields(), from, to);
		}
		catch (DuplicateKeyException ex) {
			// CASE: another editor added the same old address a moment before
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Text taken = Text.of("redirects.taken", Redirects.normalized(from).orElse(""));
			return render(request, response, model, "", 1, null, taken, Map.of("from", taken), from, to);
		}
		return "redirect:/newsroom/redirects?done=added";
	}

	@PostMapping("/newsroom/redirects/{id:\\d{1,18}}/remove")
	String remove(@PathVariable long id, HttpServletRequest request) {
		if (!this.redirects.remove(ArticleEditorController.actor(this.accounts, request), id)) {
			throw new ArticleEditorController.NotFound();
		}
		return "redirect:/newsroom/redirects?done=removed";
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model, String q, int page,
			Text notice, Text error, Map<String, Text> errors, String from, String to) {
		AccountController.noStore(response);
		String query = (q != null) ? q.strip() : "";
		Redirects.Page found = this.redirects.page(query.length() <= 200 ? query : query.substring(0, 200), page);
		model.addAttribute("model",
				new RedirectsModel(this.pages.layout(request, Text.of("nav.redirects"), "redirects"), found, query,
						notice, error, errors, (from != null) ? from : "", (to != null) ? to : ""));
		return "newsroom/redirects";
	}

	// A page number from the address; anything else is the first page
	private static int number(String page) {
		return (page != null && page.matches("\\d{1,6}")) ? Math.max(1, Integer.parseInt(page)) : 1;
	}

}
