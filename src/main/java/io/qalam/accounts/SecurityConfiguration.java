package io.qalam.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see what: the public site is anonymous; {@code /newsroom/**} needs a login, and
 * the users admin an admin; operations endpoints other than health need an admin. Failed
 * logins are throttled per account and per client address; an account with a temporary
 * password can do nothing but change it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN = "/newsroom/login";

	static final String CHANGE_PASSWORD = "/newsroom/password";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, UserAccounts accounts,
			AuditLog audit, List<StaffPages> staffPages, NewsroomChrome chrome) throws Exception {
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(LOGIN).permitAll();
			// the newsroom's stylesheet holds nothing private, and the login page and the
			// error pages need it before anyone has logged in
			requests.requestMatchers(HttpMethod.GET, "/newsroom/newsroom.css", "/newsroom/newsroom-*.css").permitAll();
			for (StaffPages pages : staffPages) {
				for (StaffPages.Route route : pages.routes()) {
					requests.requestMatchers(route.patterns().toArray(String[]::new))
						.hasAnyRole(route.roles().stream().map(Role::name).sorted().toArray(String[]::new));
				}
			}
			requests.requestMatchers("/newsroom", "/newsroom/**")
				.authenticated()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				// a scraper's bearer token, checked by the metrics endpoint itself
				.requestMatchers(HttpMethod.GET, "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.permitAll();
		})
			.formLogin((form) -> form.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.successHandler((request, response, authentication) -> {
					throttle.succeeded(authentication.getName(), request.getRemoteAddr());
					audit.record(authentication.getName(), AuditLog.Action.LOGIN, "newsroom", request.getRemoteAddr());
					// An account that never chose keeps the language its login page
					// spoke:
					// a Kazakh browser does not log in to a Russian newsroom
					accounts.chooseLanguageOnce(authentication.getName(),
							chrome.browserLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
					response.sendRedirect(
							accounts.mustChangePassword(authentication.getName()) ? CHANGE_PASSWORD : "/newsroom");
				})
				.failureHandler((request, response, exception) -> {
					String typed = request.getParameter("username");
					throttle.failed(typed, request.getRemoteAddr());
					audit.record((typed != null && !typed.isBlank()) ? typed.strip() : "(empty)",
							AuditLog.Action.LOGIN_FAILED, exception.getClass().getSimpleName(),
							request.getRemoteAddr());
					var wait = throttle.waitFor(typed, request.getRemoteAddr());
					response.sendRedirect(LOGIN + (wait.isPresent() ? "?error&wait=" + seconds(wait.get()) : "?error"));
				}))
			.logout((logout) -> logout.logoutUrl("/newsroom/logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.record(authentication.getName(), AuditLog.Action.LOGOUT, "newsroom",
								request.getRemoteAddr());
					}
				})
				.logoutSuccessUrl(LOGIN + "?logout"))
			// Anonymous readers never get a session: public pages stay shareable in
			// caches
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AccountCheckFilter(accounts), AuthorizationFilter.class)
			// Written by Tomcat on every answer (SecurityHeaders); only Cache-Control
			// here
			.headers((headers) -> headers.defaultsDisabled().cacheControl(Customizer.withDefaults()))
			// the content API reads no session: its writes carry a bearer token, which a
			// page on another site cannot send, so there is no request to forge
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

	/**
	 * No observation per security filter, login or access decision: no one reads them,
	 * and even switched off one by one, their wrappers around each filter cost several
	 * percent of an uncached page. Requests are still observed as a whole.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// BCrypt by default; the stored hash names its algorithm, so it can change later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(UserAccounts accounts) {
		return (username) -> accounts.credentials(username)
			.map((credentials) -> User.withUsername(credentials.account().username())
				.password(credentials.passwordHash())
				.roles(credentials.account().role().name())
				.disabled(!credentials.account().enabled())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	/**
	 * Refuses a login attempt that must still wait, before the password is even checked,
	 * at once: the answer says when to try again.
	 */
	static final class ThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		ThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var wait = this.throttle.waitFor(request.getParameter("username"), request.getRemoteAddr());
			if (wait.isPresent()) {
				response.sendRedirect(LOGIN + "?wait=" + seconds(wait.get()));
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** Sends an account with a temporary password to the change-password page first. */
	/**
	 * Checks the signed-in account on every newsroom request, before authorization: a
	 * session of an account that was disabled or given another role ends at once (its
	 * stored role must never authorize anything), and a temporary password must be
	 * changed before anything else.
	 */
	static final class AccountCheckFilter extends OncePerRequestFilter {

		private final UserAccounts accounts;

		AccountCheckFilter(UserAccounts accounts) {
			this.accounts = accounts;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String path = request.getServletPath();
			return !(path.equals("/newsroom") || path.startsWith("/newsroom/")) || path.equals(LOGIN);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
				chain.doFilter(request, response);
				return;
			}
			UserAccounts.Account account = this.accounts.find(user.getName()).orElse(null);
			boolean sameRole = account != null && user.getAuthorities()
				.stream()
				.anyMatch((a) -> ("ROLE_" + account.role().name()).equals(a.getAuthority()));
			if (account == null || !account.enabled() || !sameRole) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(LOGIN + "?ended");
				return;
			}
			String path = request.getServletPath();
			if (account.mustChangePassword() && !path.equals(CHANGE_PASSWORD) && !path.equals("/newsroom/logout")) {
				response.sendRedirect(CHANGE_PASSWORD);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
