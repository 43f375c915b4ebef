package io.qalam.accounts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.qalam.platform.SiteProperties;
import io.qalam.platform.web.Assets;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.PublicLayout.Link;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the newsroom layout's model for the current user and request, for every module
 * with newsroom pages (the newsroom itself, the widgets' status page).
 */
@Component
public class NewsroomChrome {

	private final UserAccounts accounts;

	private final Assets assets;

	private final SiteProperties site;

	private final List<StaffPages.Entry> navigation;

	NewsroomChrome(UserAccounts accounts, Assets assets, SiteProperties site, List<StaffPages> staffPages) {
		this.accounts = accounts;
		this.navigation = staffPages.stream()
			.flatMap((pages) -> pages.navigation().stream())
			.sorted(Comparator.comparingInt(StaffPages.Entry::position))
			.toList();
		this.assets = assets;
		this.site = site;
	}

	/** Times as the newsroom reads them: in its time zone, in English for now. */
	public Dates dates() {
		return new Dates(this.site.timeZone(), Locale.UK);
	}

	public ZoneId zone() {
		return this.site.timeZone();
	}

	/**
	 * @param current the key of the navigation entry to mark as the current page, or null
	 */
	public NewsroomLayout layout(HttpServletRequest request, String title, String current) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String user = null;
		List<Link> nav = new ArrayList<>();
		if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
			user = this.accounts.find(auth.getName()).map(UserAccounts.Account::displayName).orElse(auth.getName());
			for (StaffPages.Entry entry : this.navigation) {
				if (entry.roles().isEmpty() || entry.roles().stream().anyMatch((role) -> hasRole(auth, role))) {
					nav.add(new Link(entry.label(), entry.path(), null, entry.key().equals(current)));
				}
			}
		}
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		NewsroomLayout.Csrf csrf = (token != null) ? new NewsroomLayout.Csrf(token.getParameterName(), token.getToken())
				: null;
		return new NewsroomLayout(title, user, nav, csrf, this.assets.url("/newsroom/newsroom.css"));
	}

	private static boolean hasRole(Authentication auth, Role role) {
		String authority = "ROLE_" + role.name();
		return auth.getAuthorities().stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

}
