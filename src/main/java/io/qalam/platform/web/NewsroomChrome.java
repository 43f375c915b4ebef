package io.qalam.platform.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.qalam.platform.SiteProperties;
import io.qalam.platform.UserAccounts;
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

	NewsroomChrome(UserAccounts accounts, Assets assets, SiteProperties site) {
		this.accounts = accounts;
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
			nav.add(new Link("Dashboard", "/newsroom", null, "dashboard".equals(current)));
			nav.add(new Link("New article", "/newsroom/articles/new", null, "new".equals(current)));
			nav.add(new Link("Media", "/newsroom/media", null, "media".equals(current)));
			if (hasRole(auth, "ROLE_EDITOR") || hasRole(auth, "ROLE_ADMIN")) {
				nav.add(new Link("Widgets", "/newsroom/widgets", null, "widgets".equals(current)));
				nav.add(new Link("Distribution", "/newsroom/distribution", null, "distribution".equals(current)));
			}
			if (hasRole(auth, "ROLE_ADMIN")) {
				nav.add(new Link("Users", "/newsroom/users", null, "users".equals(current)));
				nav.add(new Link("Audit log", "/newsroom/audit", null, "audit".equals(current)));
				nav.add(new Link("Search index", "/newsroom/search", null, "search".equals(current)));
			}
			nav.add(new Link("Password", "/newsroom/password", null, "password".equals(current)));
		}
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		NewsroomLayout.Csrf csrf = (token != null) ? new NewsroomLayout.Csrf(token.getParameterName(), token.getToken())
				: null;
		return new NewsroomLayout(title, user, nav, csrf, this.assets.url("/newsroom/newsroom.css"));
	}

	private static boolean hasRole(Authentication auth, String authority) {
		return auth.getAuthorities().stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

}
