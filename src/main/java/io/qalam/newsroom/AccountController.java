package io.qalam.newsroom;

import java.security.Principal;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.AuditLog;
import io.qalam.accounts.UserAccounts;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Login page, dashboard and the user's own password. */
@Controller
class AccountController {

	private final NewsroomChrome pages;

	private final UserAccounts accounts;

	private final AuditLog audit;

	AccountController(NewsroomChrome pages, UserAccounts accounts, AuditLog audit) {
		this.pages = pages;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/newsroom/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String wait,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String ended,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Text message = null;
		if (wait != null) {
			message = waitInWords(wait);
		}
		else if (error != null) {
			message = Text.of("login.wrong");
		}
		Text notice = (logout != null) ? Text.of("login.loggedOut") : null;
		if (ended != null) {
			notice = Text.of("login.sessionEnded");
		}
		noStore(response);
		model.addAttribute("model",
				new LoginModel(this.pages.layout(request, Text.of("login.title"), null), message, notice));
		return "newsroom/login";
	}

	private static Text waitInWords(String seconds) {
		long s = seconds.matches("\\d{1,6}") ? Long.parseLong(seconds) : 60;
		return (s < 120) ? Text.of("login.waitSeconds", s) : Text.of("login.waitMinutes", (s + 59) / 60);
	}

	@GetMapping("/newsroom/password")
	String passwordForm(Principal principal, HttpServletRequest request, HttpServletResponse response, Model model) {
		return passwordPage(principal, request, response, model, null, null);
	}

	@PostMapping("/newsroom/password")
	String changePassword(@RequestParam(name = "current", required = false) String current,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "confirm", required = false) String confirm, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (password == null || !password.equals(confirm)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return passwordPage(principal, request, response, model, Text.of("password.differ"), null);
		}
		try {
			this.accounts.changePassword(principal.getName(), current, password, request.getRemoteAddr());
			this.audit.record(principal.getName(), AuditLog.Action.PASSWORD_CHANGED, "own password",
					request.getRemoteAddr());
		}
		catch (UserAccounts.AccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return passwordPage(principal, request, response, model, ex.text(), null);
		}
		return "redirect:/newsroom?done=password";
	}

	/** The newsroom's language for this account; back to the page it was chosen on. */
	@PostMapping("/newsroom/language")
	String chooseLanguage(@RequestParam(required = false) String language,
			@RequestParam(name = "back", required = false) String back, Principal principal) {
		try {
			this.accounts.setLanguage(principal.getName(), language);
		}
		catch (UserAccounts.AccountException ex) {
			// CASE: not one of the offered languages: only a forged or outdated form
			// sends it
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		// only back into the newsroom, never to another site
		boolean inside = back != null && back.matches("/newsroom(/[A-Za-z0-9/_-]{0,200})?");
		return "redirect:" + (inside ? back : "/newsroom");
	}

	private String passwordPage(Principal principal, HttpServletRequest request, HttpServletResponse response,
			Model model, Text error, Text notice) {
		boolean required = this.accounts.mustChangePassword(principal.getName());
		noStore(response);
		model.addAttribute("model", new PasswordModel(this.pages.layout(request, Text.of("password.title"), "password"),
				required, UserAccounts.MIN_PASSWORD_LENGTH, error, notice));
		return "newsroom/password";
	}

	/** Newsroom pages are personal: never kept by a browser or a proxy. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
	}

}
