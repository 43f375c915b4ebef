package io.qalam.widgets.web;

import java.util.List;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.widgets.WidgetStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The widgets' status page in the newsroom (editors and admins, see the security
 * configuration): when each outside service last worked, when and why it last failed, and
 * a button to fetch now.
 */
@Controller
class WidgetStatusController {

	private final NewsroomChrome chrome;

	private final WidgetStatus status;

	WidgetStatusController(NewsroomChrome chrome, WidgetStatus status) {
		this.chrome = chrome;
		this.status = status;
	}

	@GetMapping("/newsroom/widgets")
	String page(@RequestParam(required = false) String queued, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Text notice = (queued != null && known(queued)) ? Text.of("widgets.queued", Text.of("widgets.source." + queued))
				: null;
		return render(request, response, model, notice, null);
	}

	@PostMapping("/newsroom/widgets/refresh")
	String refresh(@RequestParam(required = false) String source, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (source == null || !known(source)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, Text.of("widgets.chooseSource"));
		}
		// CASE: a fetch of this source already waiting or running is the one asked for
		this.status.refreshNow(source);
		return "redirect:/newsroom/widgets?queued=" + source;
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model, Text notice,
			Text error) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.widgets"), "widgets");
		List<WidgetStatusModel.Row> rows = this.status.sources()
			.stream()
			.map((s) -> new WidgetStatusModel.Row(s,
					(s.lastSuccess() != null) ? layout.dates().dateTime(s.lastSuccess()) : null,
					(s.lastError() != null) ? layout.dates().dateTime(s.lastError()) : null))
			.toList();
		model.addAttribute("model", new WidgetStatusModel(layout, rows, notice, error));
		return "widgets/status";
	}

	private static boolean known(String source) {
		return source.equals("rates") || source.equals("weather");
	}

}
