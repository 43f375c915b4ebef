package io.qalam.api.web;

import java.io.IOException;

import io.qalam.platform.SiteProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The API's ETags (a digest of each answer, and a 304 when the client has it already),
 * the bound on its JSON write bodies, and its name in the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	OpenAPI contentApi(SiteProperties site) {
		return new OpenAPI().info(new Info().title(site.name() + " content API")
			.version("v1")
			.description("What the public site shows, as JSON: read-only, anonymous, with ETags. "
					+ "Lists are newest first; follow `next` as `cursor` to their end."));
	}

	/**
	 * The largest JSON body a write may send: a draft's 500,000 characters of text, in
	 * UTF-8.
	 */
	static final long MAX_JSON_BODY = 2 * 1024 * 1024;

	// Jackson reads a body whole before the controller sees the token: a larger one, or
	// one of no declared length, is refused unread
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiBodyBound() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						long length = request.getContentLengthLong();
						if (length > MAX_JSON_BODY || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
							response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
							response.setContentType("application/json");
							response.setHeader("Cache-Control", "no-store");
							response.getWriter()
								.write("{\"error\":\"a write takes at most 2 MB of JSON, with its Content-Length\"}");
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/api/v1/drafts", "/api/v1/drafts/*");
		registration.setName("apiBodyBound");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/*");
		registration.setName("apiEtags");
		return registration;
	}

}
