package io.qalam.ingest.web;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Actor;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.ingest.Wire;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The wire in the newsroom: the inbox of agency and partner items (editors and admins),
 * each made a draft with one click, and the feeds admins subscribe each edition to.
 */
@Controller
class WireController {

	private final NewsroomChrome chrome;

	private final Wire wire;

	private final Editions editions;

	private final UserAccounts accounts;

	WireController(NewsroomChrome chrome, Wire wire, Editions editions, UserAccounts accounts) {
		this.accounts = accounts;
		this.chrome = chrome;
		this.wire = wire;
		this.editions = editions;
	}

	@GetMapping("/newsroom/wire")
	String inbox(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return inbox(page, request, response, model, null);
	}

	@PostMapping("/newsroom/wire/{id}/draft")
	String draft(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			long draft = this.wire
				.draft(new Actor(request.getUserPrincipal().getName(), role(request), request.getRemoteAddr()), id);
			return "redirect:/newsroom/articles/" + draft;
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return inbox(1, request, response, model, ex);
		}
	}

	@GetMapping("/newsroom/wire/feeds")
	String feeds(@RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return feeds(request, response, model,
				(done != null && done.matches("[a-z]{1,20}")) ? Text.of("wire.done." + done) : null, null, Map.of());
	}

	@PostMapping("/newsroom/wire/feeds")
	String subscribe(@RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String url, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			long feed = this.wire.subscribe(request.getUserPrincipal().getName(), edition, name, url);
			this.wire.poll(feed);
			return "redirect:/newsroom/wire/feeds?done=subscribed";
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return feeds(request, response, model, null, ex, Map.of("edition", edition, "name", name, "url", url));
		}
	}

	@PostMapping("/newsroom/wire/feeds/{id}/poll")
	String poll(@PathVariable long id) {
		requireFeed(id);
		this.wire.poll(id);
		return "redirect:/newsroom/wire/feeds?done=polled";
	}

	@PostMapping("/newsroom/wire/feeds/{id}/stop")
	String stop(@PathVariable long id) {
		requireFeed(id);
		this.wire.stop(id);
		return "redirect:/newsroom/wire/feeds?done=stopped";
	}

	private void requireFeed(long id) {
		if (this.wire.feed(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private String inbox(int page, HttpServletRequest request, HttpServletResponse response, Model model,
			Refusal refusal) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.wire"), "wire");
		model.addAttribute("model", new WireModel(layout, this.wire.inbox(page), List.of(), codes(), Map.of(),
				role(request) == Role.ADMIN, null, (refusal != null) ? refusal.text() : null, Map.of()));
		return "ingest/wire";
	}

	private String feeds(HttpServletRequest request, HttpServletResponse response, Model model, Text notice,
			Refusal refusal, Map<String, String> typed) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("wire.feeds"), "wire");
		model.addAttribute("model", new WireModel(layout, null, this.wire.feeds(), codes(), typed, true, notice,
				(refusal != null) ? refusal.text() : null, (refusal != null) ? refusal.fields() : Map.of()));
		return "ingest/feeds";
	}

	private Role role(HttpServletRequest request) {
		return this.accounts.find(request.getUserPrincipal().getName()).orElseThrow().role();
	}

	private List<String> codes() {
		return this.editions.all().stream().map(Edition::code).toList();
	}

}
