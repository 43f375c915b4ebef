package io.qalam.newsroom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.accounts.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for admins (see the security configuration), filterable by who, what and
 * days in the newsroom's time zone. A filter that cannot be read is left out and named.
 */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final NewsroomChrome pages;

	private final AuditLog audit;

	AuditController(NewsroomChrome pages, AuditLog audit) {
		this.pages = pages;
		this.audit = audit;
	}

	@GetMapping("/newsroom/audit")
	String log(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		List<Text> problems = new ArrayList<>();
		String who = trim(actor, 64);
		AuditLog.Action what = null;
		if (!trim(action, 40).isEmpty()) {
			try {
				what = AuditLog.Action.valueOf(trim(action, 40));
			}
			catch (IllegalArgumentException ex) {
				problems.add(Text.of("audit.noAction", trim(action, 40)));
			}
		}
		Instant since = day(from, 0, "audit.from", problems);
		Instant until = day(to, 1, "audit.to", problems);
		int pageNumber = (page != null && page.matches("[1-9]\\d{0,5}")) ? Integer.parseInt(page) : 1;
		AuditLog.Found found = this.audit.search(new AuditLog.Filter(who.isEmpty() ? null : who, what, since, until),
				(pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
		NewsroomLayout layout = this.pages.layout(request, Text.of("nav.audit"), "audit");
		List<AuditModel.Row> rows = found.entries()
			.stream()
			.map((e) -> new AuditModel.Row(layout.dates().dateTime(e.at()), e))
			.toList();
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		AccountController.noStore(response);
		model.addAttribute("model", new AuditModel(layout, who, (what != null) ? what.name() : "", trim(from, 10),
				trim(to, 10), rows, found.total(), pageNumber, PAGE_SIZE, problems));
		return "newsroom/audit";
	}

	// The start of a day (plus daysLater) in the newsroom's time zone, or null
	private Instant day(String value, int daysLater, String field, List<Text> problems) {
		String text = trim(value, 10);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text).plusDays(daysLater).atStartOfDay(this.pages.zone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(Text.of("audit.notADate", Text.of(field)));
			return null;
		}
	}

	private static String trim(String value, int max) {
		String stripped = (value != null) ? value.strip() : "";
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

}
