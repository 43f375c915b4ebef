package io.qalam.search.web;

import java.util.Map;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.search.SearchIndex;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The newsroom's search index page (admins, see the security configuration): how many
 * articles each edition's index holds, and a rebuild from the database with its progress.
 * This node's index only: every node keeps its own.
 */
@Controller
class SearchIndexController {

	private final NewsroomChrome chrome;

	private final SearchIndex index;

	private final AuditLog audit;

	SearchIndexController(NewsroomChrome chrome, SearchIndex index, AuditLog audit) {
		this.chrome = chrome;
		this.index = index;
		this.audit = audit;
	}

	@GetMapping("/newsroom/search")
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		SearchIndex.Rebuild rebuild = this.index.rebuildState();
		Map<String, Integer> sizes = this.index.sizes();
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.searchIndex"), "searchIndex");
		model.addAttribute("model",
				new SearchIndexModel(layout, sizes, rebuild,
						(rebuild.finishedAt() != null) ? layout.dates().dateTime(rebuild.finishedAt()) : null,
						this.index.pending()));
		return "search/index";
	}

	@PostMapping("/newsroom/search/rebuild")
	String rebuild(@AuthenticationPrincipal UserDetails user, HttpServletRequest request) {
		if (!this.index.rebuildState().running()) {
			this.index.rebuildAll();
			this.audit.record(user.getUsername(), AuditLog.Action.SEARCH_INDEX_REBUILT, "search index, all editions",
					request.getRemoteAddr());
		}
		return "redirect:/newsroom/search";
	}

}
