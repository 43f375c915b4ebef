package io.qalam.site;

import io.qalam.platform.web.PublicChrome;
import io.qalam.edition.Edition;
import io.qalam.platform.web.PublicLayout;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The editorial office (contacts) and advertising pages, written in the bundles. */
@Controller
class StaticPagesController {

	private final PublicChrome pages;

	StaticPagesController(PublicChrome pages) {
		this.pages = pages;
	}

	@GetMapping("/{edition:[a-z]{2,3}}/contacts")
	String contacts(@PathVariable String edition, Model model, HttpServletResponse response) {
		return render(edition, "contacts", model, response);
	}

	@GetMapping("/{edition:[a-z]{2,3}}/advertising")
	String advertising(@PathVariable String edition, Model model, HttpServletResponse response) {
		return render(edition, "advertising", model, response);
	}

	private String render(String edition, String page, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		var messages = this.pages.messages(ed);
		PublicLayout layout = this.pages.page(ed, "/" + ed.code() + "/" + page, messages.get(page + ".title"))
			.description(messages.get(page + ".intro"))
			.languages(this.pages.everyEdition(ed, (e) -> "/" + e.code() + "/" + page))
			.build();
		model.addAttribute("model", new StaticPageModel(layout, page));
		CachePolicy.publicPage(response, PageKeys.of(ed.code()));
		return "site/static-page";
	}

}
