package io.qalam.widgets.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.qalam.widgets.BreakingNews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The breaking-news banners in the newsroom (editors and admins): one per edition, set
 * with a line of text and a link, taken down with a button. Every public page shows the
 * change on its next request.
 */
@Controller
class BreakingNewsController {

	private final NewsroomChrome chrome;

	private final BreakingNews breaking;

	BreakingNewsController(NewsroomChrome chrome, BreakingNews breaking) {
		this.chrome = chrome;
		this.breaking = breaking;
	}

	@GetMapping("/newsroom/breaking")
	String page(@RequestParam(required = false) String shown, @RequestParam(required = false) String cleared,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Text notice = null;
		if (shown != null && this.breaking.all().containsKey(shown)) {
			notice = Text.of("breaking.shown", Text.of("edition." + shown));
		}
		else if (cleared != null && this.breaking.all().containsKey(cleared)) {
			notice = Text.of("breaking.cleared", Text.of("edition." + cleared));
		}
		return render(request, response, model, notice, null, null, null, null);
	}

	@PostMapping("/newsroom/breaking")
	String set(@RequestParam(required = false) String edition, @RequestParam(required = false) String text,
			@RequestParam(required = false) String link, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			this.breaking.set(request.getUserPrincipal().getName(), edition, text, link, request.getRemoteAddr());
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, ex, edition, text, link);
		}
		return "redirect:/newsroom/breaking?shown=" + edition;
	}

	@PostMapping("/newsroom/breaking/clear")
	String clear(@RequestParam(required = false) String edition, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			this.breaking.clear(request.getUserPrincipal().getName(), edition, request.getRemoteAddr());
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, ex, null, null, null);
		}
		return "redirect:/newsroom/breaking?cleared=" + edition;
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model, Text notice,
			Refusal refusal, String failed, String typedText, String typedLink) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.breaking"), "breaking");
		List<BreakingNewsModel.Card> cards = this.breaking.all().entrySet().stream().map((e) -> {
			Optional<BreakingNews.Banner> current = e.getValue();
			boolean typed = e.getKey().equals(failed);
			return new BreakingNewsModel.Card(e.getKey(), current.orElse(null),
					current.map((b) -> layout.dates().dateTime(b.setAt())).orElse(null),
					typed ? typedText : current.map(BreakingNews.Banner::text).orElse(""),
					typed ? typedLink : current.map(BreakingNews.Banner::link).orElse(""));
		}).toList();
		Map<String, Text> errors = (refusal != null) ? refusal.fields() : Map.of();
		model.addAttribute("model", new BreakingNewsModel(layout, cards, notice,
				(refusal != null) ? refusal.text() : null, failed, errors));
		return "widgets/breaking";
	}

}
