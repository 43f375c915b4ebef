package io.qalam.newsroom;

import java.security.Principal;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page, dashboard and the user's own password. */
@Controller
class AccountController {

	private final NewsroomPages pages;

	private final UserAccounts accounts;

	private final AuditLog audit;

	AccountController(NewsroomPages pages, UserAccounts accounts, AuditLog audit) {
		this.pages = pages;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/newsroom/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String wait,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String ended,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String message = null;
		if (wait != null) {
			message = "Too many failed attempts. Try again in " + waitInWords(wait) + ".";
		}
		else if (error != null) {
			message = "Wrong username or password, or the account is disabled.";
		}
		String notice = (logout != null) ? "You have logged out." : null;
		if (ended != null) {
			notice = "Your session ended because your account was changed. Log in again.";
		}
		noStore(response);
		model.addAttribute("model", new LoginModel(this.pages.layout(request, "Log in", null), message, notice));
		return "newsroom/login";
	}

	private static String waitInWords(String seconds) {
		long s = seconds.matches("\\d{1,6}") ? Long.parseLong(seconds) : 60;
		if (s < 120) {
			return s + " second" + ((s == 1) ? "" : "s");
		}
		return ((s + 59) / 60) + " minutes";
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
			return passwordPage(principal, request, response, model, "The new password and its confirmation differ.",
					null);
		}
		try {
			this.accounts.changePassword(principal.getName(), current, password, request.getRemoteAddr());
			this.audit.record(principal.getName(), AuditLog.Action.PASSWORD_CHANGED, "own password",
					request.getRemoteAddr());
		}
		catch (UserAccounts.AccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return passwordPage(principal, request, response, model, ex.getMessage(), null);
		}
		return "redirect:/newsroom";
	}

	private String passwordPage(Principal principal, HttpServletRequest request, HttpServletResponse response,
			Model model, String error, String notice) {
		boolean required = this.accounts.mustChangePassword(principal.getName());
		noStore(response);
		model.addAttribute("model", new PasswordModel(this.pages.layout(request, "Change password", "password"),
				required, UserAccounts.MIN_PASSWORD_LENGTH, error, notice));
		return "newsroom/password";
	}

	/** Newsroom pages are personal: never kept by a browser or a proxy. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
	}

}
