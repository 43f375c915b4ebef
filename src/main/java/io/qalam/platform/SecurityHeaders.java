package io.qalam.platform;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.ValveBase;

/**
 * The headers that protect readers and staff, written by Tomcat on every answer: our
 * pages, pages served from the page cache (which keeps none of these, so an HTTPS reader
 * never gets the headers of an HTTP one), and Tomcat's own error pages for requests it
 * refuses before any filter runs.
 */
final class SecurityHeaders {

	// Our pages load scripts, styles and images from this site only; JSON-LD is data,
	// not script, so it needs no exception.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'; form-action 'self'; "
			// the embed providers' frames, created only when a reader clicks a
			// placeholder:
			// exactly content.Embeds.FRAME_ORIGINS (a test holds them equal)
			+ "frame-src https://www.youtube-nocookie.com https://t.me https://platform.twitter.com "
			+ "https://www.instagram.com https://vk.com";

	// The newsroom's rich-text editor (Quill 1.3.7) sets one inline style when it starts,
	// style="white-space: normal;": allowed by its hash, that exact value and no other
	static final String NEWSROOM_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-hashes' 'sha256-RvAvREUHojDuwHylTVWZp9DhleqLs6ml8G7LpjCF+EY='");

	private SecurityHeaders() {
	}

	static void write(String path, boolean secure, Response response) {
		if (response.isCommitted()) {
			return;
		}
		boolean newsroom = path != null && (path.equals("/newsroom") || path.startsWith("/newsroom/"));
		response.setHeader("Content-Security-Policy",
				newsroom ? NEWSROOM_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		if (secure) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

	/** Writes the headers before anything else handles the request. */
	static final class Valve extends ValveBase {

		Valve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			write(request.getDecodedRequestURI(), request.isSecure(), response);
			getNext().invoke(request, response);
		}

	}

	/** Tomcat's error page, with the same headers. */
	public static final class ErrorPages extends ErrorReportValve {

		public ErrorPages() {
			// nothing about the server or the failure, as with server.error.include-*:
			// never
			setShowServerInfo(false);
			setShowReport(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable failure) {
			write(request.getDecodedRequestURI(), request.isSecure(), response);
			super.report(request, response, failure);
		}

	}

}
