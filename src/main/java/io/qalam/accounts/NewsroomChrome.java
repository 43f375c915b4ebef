package io.qalam.accounts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.SiteProperties;
import io.qalam.platform.Text;
import io.qalam.platform.web.Assets;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.PublicLayout.Link;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the newsroom layout's model for the current user and request, for every module
 * with newsroom pages: the navigation the user may open, and the newsroom's language —
 * the one the account chose, else the default edition's; before login the browser's, when
 * the newsroom speaks it.
 */
@Component
public class NewsroomChrome {

	private final UserAccounts accounts;

	private final Assets assets;

	private final SiteProperties site;

	private final List<StaffPages.Entry> navigation;

	private final String defaultLanguage;

	private final Map<String, Messages> messages;

	private final Map<String, Dates> dates;

	private final Editions editions;

	NewsroomChrome(UserAccounts accounts, Assets assets, SiteProperties site, List<StaffPages> staffPages,
			Editions editions, MessageSource messageSource) {
		this.accounts = accounts;
		this.navigation = staffPages.stream()
			.flatMap((pages) -> pages.navigation().stream())
			.sorted(Comparator.comparingInt(StaffPages.Entry::position))
			.toList();
		this.assets = assets;
		this.site = site;
		this.editions = editions;
		String edition = editions.defaultEdition().language();
		this.defaultLanguage = UserAccounts.LANGUAGES.contains(edition) ? edition : "en";
		this.messages = UserAccounts.LANGUAGES.stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					(language) -> new Messages(messageSource, Locale.forLanguageTag(language))));
		this.dates = UserAccounts.LANGUAGES.stream()
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					(language) -> new Dates(site.timeZone(), Locale.forLanguageTag(language))));
	}

	public ZoneId zone() {
		return this.site.timeZone();
	}

	/** The newsroom's text in this request's language (see the class comment). */
	public Messages messages(HttpServletRequest request) {
		return this.messages.get(language(request));
	}

	/**
	 * The edition a page works in: the one asked for when it exists, else the edition in
	 * the newsroom's language (a Kazakh desk writes for kk), else the default edition.
	 */
	public Edition edition(HttpServletRequest request, String requested) {
		String language = messages(request).locale().getLanguage();
		return this.editions.find((requested != null) ? requested : "")
			.or(() -> this.editions.all().stream().filter((e) -> e.language().equals(language)).findFirst())
			.orElse(this.editions.defaultEdition());
	}

	/** Times in the newsroom's zone, in this request's language. */
	public Dates dates(HttpServletRequest request) {
		return this.dates.get(language(request));
	}

	/**
	 * @param title the page's own title
	 * @param current the key of the navigation entry to mark as the current page, or null
	 */
	public NewsroomLayout layout(HttpServletRequest request, Text title, String current) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		Optional<UserAccounts.Account> account = account(auth);
		String language = language(account, request);
		Messages text = this.messages.get(language);
		List<Link> nav = new ArrayList<>();
		String user = null;
		if (account.isPresent()) {
			user = account.get().displayName();
			for (StaffPages.Entry entry : this.navigation) {
				if (entry.roles().isEmpty() || entry.roles().stream().anyMatch((role) -> hasRole(auth, role))) {
					nav.add(new Link(text.get("nav." + entry.key()), entry.path(), null, entry.key().equals(current)));
				}
			}
		}
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		NewsroomLayout.Csrf csrf = (token != null) ? new NewsroomLayout.Csrf(token.getParameterName(), token.getToken())
				: null;
		return new NewsroomLayout(text.get(title), user, nav, csrf, this.assets.url("/newsroom/newsroom.css"), text,
				this.dates.get(language), language, UserAccounts.LANGUAGES, request.getRequestURI());
	}

	private String language(HttpServletRequest request) {
		return language(account(SecurityContextHolder.getContext().getAuthentication()), request);
	}

	private String language(Optional<UserAccounts.Account> account, HttpServletRequest request) {
		if (account.isPresent()) {
			String chosen = account.get().language();
			return (chosen != null && UserAccounts.LANGUAGES.contains(chosen)) ? chosen : this.defaultLanguage;
		}
		return browserLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	// The browser's first choice the newsroom speaks; a header that cannot be read
	// counts as none
	String browserLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 500) {
			return this.defaultLanguage;
		}
		try {
			String found = Locale.lookupTag(Locale.LanguageRange.parse(header), UserAccounts.LANGUAGES);
			return (found != null) ? found : this.defaultLanguage;
		}
		catch (IllegalArgumentException ex) {
			return this.defaultLanguage;
		}
	}

	private Optional<UserAccounts.Account> account(Authentication auth) {
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
			return Optional.empty();
		}
		return this.accounts.find(auth.getName());
	}

	private static boolean hasRole(Authentication auth, Role role) {
		String authority = "ROLE_" + role.name();
		return auth.getAuthorities().stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

}
