package io.qalam.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see what: the public site is anonymous, {@code /newsroom/**} needs a login,
 * operations endpoints other than health need an admin.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Our pages load scripts, styles and images from this site only; JSON-LD is data,
	// not script, so it needs no exception.
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/newsroom/**")
			.authenticated()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.permitAll())
			.formLogin((form) -> form.defaultSuccessUrl("/newsroom", false))
			.logout((logout) -> logout.logoutUrl("/newsroom/logout").logoutSuccessUrl("/"))
			// Anonymous readers never get a session: public pages stay shareable in
			// caches
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(UserAccounts accounts) {
		return (username) -> accounts.findByUsername(username)
			.map((account) -> User.withUsername(account.username())
				.password(account.passwordHash())
				.roles(account.role().name())
				.disabled(!account.enabled())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
