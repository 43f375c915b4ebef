package io.qalam.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's parameters (the query, a form, a multipart body) before anything else
 * does, so that a malformed one — invalid UTF-8, a NUL in a file name, a field larger
 * than the container takes — is answered with a 4xx and one line in the log, not a 500
 * and a stack trace from whichever part of the application asked first.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequests {

	private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> malformedRequestFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Check());
		// right after the character encoding is set, before the page cache
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	static final class Check extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// CASE: nothing to parse (most page requests): nothing to check
			return request.getQueryString() == null && request.getContentType() == null;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			int refused = 0;
			try {
				request.getParameterMap();
				if (request.getContentType() != null && request.getContentType().startsWith("multipart/")) {
					for (Part part : request.getParts()) {
						// checked by the container as it is read: a NUL fails here
						part.getSubmittedFileName();
					}
				}
			}
			catch (RuntimeException ex) {
				refused = status(ex);
				if (refused == 0) {
					throw ex;
				}
				log.info("Refused a malformed request ({}): {} {}", refused, request.getMethod(),
						request.getRequestURI());
			}
			if (refused != 0) {
				response.sendError(refused);
				return;
			}
			chain.doFilter(request, response);
		}

		// 413 for a body or field larger than allowed, 400 for one that cannot be read
		private static int status(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SizeException || (cause.getMessage() != null
						&& (cause.getMessage().contains("maxPostSize") || cause.getMessage().contains("exceed")))) {
					return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
				}
				if (cause instanceof InvalidParameterException || cause instanceof InvalidFileNameException) {
					return HttpServletResponse.SC_BAD_REQUEST;
				}
			}
			return 0;
		}

	}

}
