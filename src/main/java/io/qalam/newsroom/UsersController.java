package io.qalam.newsroom;

import java.security.Principal;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.platform.Text;
import io.qalam.accounts.AuditLog;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The users admin (admins only, see the security configuration). */
@Controller
class UsersController {

	private final NewsroomChrome pages;

	private final UserAccounts accounts;

	private final AuditLog audit;

	UsersController(NewsroomChrome pages, UserAccounts accounts, AuditLog audit) {
		this.pages = pages;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/newsroom/users")
	String list(@RequestParam(required = false) String created, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return page(request, response, model, null,
				(created != null && created.matches("[a-z0-9._-]{1,32}")) ? Text.of("users.created", created) : null,
				new UserForm("", "", Role.REPORTER.name()));
	}

	@PostMapping("/newsroom/users")
	String create(@RequestParam(required = false) String username,
			@RequestParam(name = "name", required = false) String displayName,
			@RequestParam(required = false) String role, @RequestParam(required = false) String password,
			Principal principal, HttpServletRequest request, HttpServletResponse response, Model model) {
		Role parsed = role(role);
		try {
			UserAccounts.Account account = this.accounts.create(username, displayName, parsed, password);
			this.audit.record(principal.getName(), AuditLog.Action.USER_CREATED,
					"account " + account.username() + " (" + account.role() + ")", request.getRemoteAddr());
			return "redirect:/newsroom/users?created=" + account.username();
		}
		catch (UserAccounts.AccountException ex) {
			// The form keeps what was typed, except the password
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(request, response, model, ex.text(), null, new UserForm(nullToEmpty(username),
					nullToEmpty(displayName), (parsed != null) ? parsed.name() : ""));
		}
	}

	@PostMapping("/newsroom/users/{username}/enabled")
	String setEnabled(@PathVariable String username, @RequestParam boolean enabled, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			this.accounts.setEnabled(username, enabled, principal.getName());
			this.audit.record(principal.getName(),
					enabled ? AuditLog.Action.USER_ENABLED : AuditLog.Action.USER_DISABLED, "account " + username,
					request.getRemoteAddr());
		}
		catch (UserAccounts.AccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(request, response, model, ex.text(), null, new UserForm("", "", Role.REPORTER.name()));
		}
		return "redirect:/newsroom/users";
	}

	@PostMapping("/newsroom/users/{username}/role")
	String changeRole(@PathVariable String username, @RequestParam(required = false) String role, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String before = this.accounts.find(username).map((a) -> a.role().name()).orElse(null);
		try {
			this.accounts.changeRole(username, role(role), principal.getName());
			this.audit.record(principal.getName(), AuditLog.Action.ROLE_CHANGED,
					"account " + username + ": " + before + " → " + role, request.getRemoteAddr());
		}
		catch (UserAccounts.AccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(request, response, model, ex.text(), null, new UserForm("", "", Role.REPORTER.name()));
		}
		return "redirect:/newsroom/users";
	}

	/**
	 * Sets a new temporary password and shows it once, on this answer only, for the admin
	 * to hand over; the colleague must change it at their next login.
	 */
	@PostMapping("/newsroom/users/{username}/password-reset")
	String resetPassword(@PathVariable String username, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			String temporary = this.accounts.resetPassword(username, principal.getName());
			this.audit.record(principal.getName(), AuditLog.Action.PASSWORD_RESET, "account " + username,
					request.getRemoteAddr());
			return page(request, response, model, null, Text.of("users.temporaryPassword", username, temporary),
					new UserForm("", "", Role.REPORTER.name()));
		}
		catch (UserAccounts.AccountException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(request, response, model, ex.text(), null, new UserForm("", "", Role.REPORTER.name()));
		}
	}

	private static Role role(String value) {
		for (Role r : Role.values()) {
			if (r.name().equals(value)) {
				return r;
			}
		}
		return null;
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, Text error, Text notice,
			UserForm form) {
		AccountController.noStore(response);
		model.addAttribute("model", new UsersModel(this.pages.layout(request, Text.of("nav.users"), "users"),
				this.accounts.all(), form, error, notice, UserAccounts.MIN_PASSWORD_LENGTH));
		return "newsroom/users";
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
