package io.qalam.distribution.web;

import java.util.List;

import io.qalam.distribution.TelegramPosts;
import io.qalam.distribution.TelegramSettings;
import io.qalam.distribution.WebhookDeliveries;
import io.qalam.distribution.Webhooks;
import io.qalam.edition.Editions;
import io.qalam.accounts.NewsroomChrome;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's distribution page: Telegram posts that need an editor (uncertain or
 * failed) and the latest ones; for admins also each edition's Telegram settings, the
 * webhooks and their deliveries. Editors and admins see the page; settings and webhooks
 * are changed by admins only (see the security configuration).
 */
@Controller
class DistributionController {

	private static final String PAGE = "/newsroom/distribution";

	private final NewsroomChrome chrome;

	private final TelegramPosts posts;

	private final TelegramSettings settings;

	private final Webhooks webhooks;

	private final WebhookDeliveries deliveries;

	private final Editions editions;

	DistributionController(NewsroomChrome chrome, TelegramPosts posts, TelegramSettings settings, Webhooks webhooks,
			WebhookDeliveries deliveries, Editions editions) {
		this.chrome = chrome;
		this.posts = posts;
		this.settings = settings;
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.editions = editions;
	}

	@GetMapping(PAGE)
	String page(@RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Text notice = switch ((done != null) ? done : "") {
			case "settings", "confirmed", "retry", "webhook-enabled", "webhook-disabled", "webhook-deleted" ->
				Text.of("distribution.done." + done);
			default -> null;
		};
		return render(request, response, model, notice, null, null);
	}

	@PostMapping(PAGE + "/telegram/{edition}")
	String saveSettings(@PathVariable String edition, @RequestParam(required = false) String chat,
			@RequestParam(required = false) String token, @RequestParam(required = false) String enabled,
			@RequestParam(required = false) String deleteOnUnpublish, @AuthenticationPrincipal UserDetails user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			this.settings.save(edition, chat, token, enabled != null, deleteOnUnpublish != null, user.getUsername());
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, Text.of("distribution.telegramRefused", edition, ex.text()),
					null);
		}
		return "redirect:" + PAGE + "?done=settings";
	}

	@PostMapping(PAGE + "/posts/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(required = false) String messageLink,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Long messageId = null;
		if (messageLink != null && !messageLink.isBlank()) {
			String number = messageLink.strip().replaceAll("^.*/", "");
			if (!number.matches("\\d{1,18}")) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				return render(request, response, model, null, Text.of("distribution.badLink"), null);
			}
			messageId = Long.parseLong(number);
		}
		if (!this.posts.confirmSent(id, messageId)) {
			return notFound(request, response, model, Text.of("distribution.notUncertain"));
		}
		return "redirect:" + PAGE + "?done=confirmed";
	}

	@PostMapping(PAGE + "/posts/{id}/retry")
	String retryPost(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.posts.retry(id)) {
			return notFound(request, response, model, Text.of("distribution.notRetryable"));
		}
		return "redirect:" + PAGE + "?done=retry";
	}

	@PostMapping(PAGE + "/webhooks")
	String addWebhook(@RequestParam(required = false) String url, @AuthenticationPrincipal UserDetails user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			Webhooks.Created created = this.webhooks.create(url, user.getUsername());
			return render(request, response, model, Text.of("distribution.webhookAdded"), null, created);
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, ex.text(), null);
		}
	}

	@PostMapping(PAGE + "/webhooks/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam(required = false) String enabled, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (enabled == null || !(enabled.equals("true") || enabled.equals("false"))) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, Text.of("distribution.chooseEnabled"), null);
		}
		if (!this.webhooks.setEnabled(id, Boolean.parseBoolean(enabled))) {
			return notFound(request, response, model, Text.of("distribution.noWebhook"));
		}
		return "redirect:" + PAGE + "?done=webhook-" + (Boolean.parseBoolean(enabled) ? "enabled" : "disabled");
	}

	@PostMapping(PAGE + "/webhooks/{id}/delete")
	String delete(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.webhooks.delete(id)) {
			return notFound(request, response, model, Text.of("distribution.noWebhook"));
		}
		return "redirect:" + PAGE + "?done=webhook-deleted";
	}

	@PostMapping(PAGE + "/deliveries/{id}/retry")
	String retryDelivery(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.deliveries.retry(id)) {
			return notFound(request, response, model, Text.of("distribution.notFailed"));
		}
		return "redirect:" + PAGE + "?done=retry";
	}

	private String notFound(HttpServletRequest request, HttpServletResponse response, Model model, Text error) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return render(request, response, model, null, error, null);
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model, Text notice,
			Text error, Webhooks.Created created) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		boolean admin = request.isUserInRole("ADMIN");
		List<TelegramSettings.Settings> telegram = admin
				? this.editions.all().stream().map((e) -> this.settings.of(e.code())).toList() : List.of();
		model.addAttribute("model",
				new DistributionModel(this.chrome.layout(request, Text.of("nav.distribution"), "distribution"), admin,
						notice, error, created, this.posts.needingAttention(), this.posts.recent(30), telegram,
						admin ? this.webhooks.list() : List.of(), admin ? this.deliveries.recent(30) : List.of()));
		return "distribution/page";
	}

}
