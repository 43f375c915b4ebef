package io.qalam.api.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.accounts.UserAccounts;
import io.qalam.api.ApiTokens;
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
 * The content API's tokens in the newsroom (admins): issue one for an account with its
 * scopes and lifetime — shown once, on the answer to the form — and revoke it.
 */
@Controller
class ApiTokensController {

	private final NewsroomChrome chrome;

	private final ApiTokens tokens;

	private final UserAccounts accounts;

	ApiTokensController(NewsroomChrome chrome, ApiTokens tokens, UserAccounts accounts) {
		this.chrome = chrome;
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@GetMapping("/newsroom/api-tokens")
	String page(@RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return render(request, response, model, null, "revoked".equals(done) ? Text.of("tokens.revoked") : null, null);
	}

	@PostMapping("/newsroom/api-tokens")
	String issue(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) List<String> scope, @RequestParam(defaultValue = "90") String days,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Set<ApiTokens.Scope> scopes = EnumSet.noneOf(ApiTokens.Scope.class);
		for (ApiTokens.Scope known : ApiTokens.Scope.values()) {
			if (scope != null && scope.contains(known.word())) {
				scopes.add(known);
			}
		}
		int lifetime;
		try {
			lifetime = Integer.parseInt(days.strip());
		}
		catch (NumberFormatException ex) {
			lifetime = 0;
		}
		try {
			String token = this.tokens.issue(request.getUserPrincipal().getName(), request.getRemoteAddr(), account,
					name, scopes, lifetime);
			return render(request, response, model, token, Text.of("tokens.issued"), null);
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, null, ex);
		}
	}

	@PostMapping("/newsroom/api-tokens/{id}/revoke")
	String revoke(@PathVariable long id, HttpServletRequest request) {
		if (!this.tokens.revoke(request.getUserPrincipal().getName(), request.getRemoteAddr(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/newsroom/api-tokens?done=revoked";
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model, String issued,
			Text notice, Refusal refusal) {
		// the page may hold a token that is shown this once
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.apiTokens"), "apiTokens");
		model.addAttribute("model",
				new ApiTokensModel(layout, this.tokens.all(),
						this.accounts.all().stream().filter(UserAccounts.Account::enabled).toList(),
						List.of(ApiTokens.Scope.values()), issued, notice, (refusal != null) ? refusal.text() : null,
						(refusal != null) ? refusal.fields() : Map.of()));
		return "api/tokens";
	}

}
