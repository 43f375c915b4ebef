package io.qalam.site;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * How long browsers and a CDN in front may keep public pages. The one place that decides
 * it; each case says why.
 */
final class CachePolicy {

	private CachePolicy() {
	}

	/**
	 * CASE: a published page (home, article, lists). Short life so that edits show
	 * quickly; a CDN may serve a stale copy while it fetches a fresh one, or while we are
	 * down.
	 */
	static void publicPage(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofSeconds(60))
					.cachePublic()
					.staleWhileRevalidate(Duration.ofMinutes(5))
					.staleIfError(Duration.ofDays(1))
					.getHeaderValue());
	}

	/**
	 * CASE: an error page. Not kept, so that an article that appears a moment later is
	 * not hidden behind a cached 404. Also the newsroom's preview, which shows
	 * unpublished text to whoever holds its token.
	 */
	static void errorPage(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

	/**
	 * CASE: the language redirect at {@code /}: it depends on the reader's
	 * Accept-Language, so shared caches must key on it.
	 */
	static void languageRedirect(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic().getHeaderValue());
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
	}

}
