package io.qalam.newsroom;

import java.util.ArrayList;
import java.util.List;

import io.qalam.platform.UserAccounts;
import io.qalam.platform.web.Assets;
import io.qalam.platform.web.NewsroomLayout;
import io.qalam.platform.web.PublicLayout.Link;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Builds the newsroom layout's model for the current user and request. */
@Component
class NewsroomPages {

	private final UserAccounts accounts;

	private final Assets assets;

	NewsroomPages(UserAccounts accounts, Assets assets) {
		this.accounts = accounts;
		this.assets = assets;
	}

	NewsroomLayout layout(HttpServletRequest request, String title, String current) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String user = null;
		List<Link> nav = new ArrayList<>();
		if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
			user = this.accounts.find(auth.getName()).map(UserAccounts.Account::displayName).orElse(auth.getName());
			nav.add(new Link("Dashboard", "/newsroom", null, "dashboard".equals(current)));
			if (isAdmin(auth)) {
				nav.add(new Link("Users", "/newsroom/users", null, "users".equals(current)));
			}
			nav.add(new Link("Password", "/newsroom/password", null, "password".equals(current)));
		}
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		NewsroomLayout.Csrf csrf = (token != null) ? new NewsroomLayout.Csrf(token.getParameterName(), token.getToken())
				: null;
		return new NewsroomLayout(title, user, nav, csrf, this.assets.url("/newsroom/newsroom.css"));
	}

	static boolean isAdmin(Authentication auth) {
		return auth.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
