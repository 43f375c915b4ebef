package io.qalam.analytics.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.analytics.Bots;
import io.qalam.analytics.Source;
import io.qalam.analytics.ViewCounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The view beacon, {@code /{ed}/views/{articleId}}: the article page's script posts to it
 * once the page is shown ({@code navigator.sendBeacon}), and its {@code <noscript>} image
 * loads it. It answers {@code 204} with {@code no-store}, so that no cache in front keeps
 * it and every view reaches a node, and sets no cookie. Answered before security and MVC:
 * it holds no session and no form, and it is asked once per page view, as often as the
 * pages themselves.
 */
@Configuration(proxyBeanMethods = false)
class ViewBeacon {

	// ?r= is the referring host the script read from document.referrer; empty for none
	static final Pattern PATH = Pattern.compile("/([a-z]{2,3})/views/([1-9][0-9]{0,17})");

	private static final int MAX_HOST = 253;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> viewBeaconFilter(ViewCounts counts) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(counts));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final ViewCounts counts;

		Filter(ViewCounts counts) {
			this.counts = counts;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// every request passes here: one look for "/{ed}/views/"
			int at = request.getRequestURI().indexOf("/views/");
			return at != 3 && at != 4;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher path = PATH.matcher(request.getRequestURI());
			String method = request.getMethod();
			if (!path.matches()) {
				chain.doFilter(request, response);
				return;
			}
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (!method.equals("POST") && !method.equals("GET")) {
				response.setHeader(HttpHeaders.ALLOW, "GET, POST");
				response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
				return;
			}
			if (!Bots.isRobot(request.getHeader(HttpHeaders.USER_AGENT))) {
				this.counts.count(path.group(1), Long.parseLong(path.group(2)),
						Source.of(referrer(request.getQueryString()), request.getServerName()));
			}
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}

		// The r parameter of the query, without decoding more than a host needs; null
		// when there is none (the noscript image)
		private static String referrer(String query) {
			if (query == null || !query.startsWith("r=")) {
				return null;
			}
			int end = query.indexOf('&');
			String host = (end < 0) ? query.substring(2) : query.substring(2, end);
			// not a host name: from somewhere, but not a place we know
			return (host.length() > MAX_HOST || !host.matches("[A-Za-z0-9.-]*")) ? "?" : host;
		}

	}

}
