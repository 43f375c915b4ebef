package io.qalam.site;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/**
 * How long browsers and a CDN in front may keep public pages. The one place that decides
 * it; each case says why.
 */
final class CachePolicy {

	private CachePolicy() {
	}

	/** The header that names what a page shows, for purging a CDN by key. */
	static final String SURROGATE_KEY = "Surrogate-Key";

	/**
	 * CASE: a published page (home, article, lists, feeds, sitemaps). This node keeps it
	 * until a change evicts it ({@link PageCacheFilter}); browsers ask again each time (a
	 * 304 from the kept page is cheap), so an edit shows at once; a CDN keeps it for a
	 * minute, or until purged by one of its keys, and may serve a stale copy while it
	 * fetches a fresh one, or while we are down.
	 */
	static void publicPage(HttpServletResponse response, PageKeys keys) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ZERO)
					.cachePublic()
					.sMaxAge(Duration.ofSeconds(60))
					.staleWhileRevalidate(Duration.ofMinutes(5))
					.staleIfError(Duration.ofDays(1))
					.getHeaderValue());
		response.setHeader(SURROGATE_KEY, keys.header());
	}

	/**
	 * CASE: a live blog's new entries, asked for every few seconds by each reader's page.
	 * This node keeps the answer until an entry changes; a CDN only for seconds, so that
	 * readers behind it see an entry soon without a purge.
	 */
	static void liveFragment(HttpServletResponse response, PageKeys keys) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ZERO).cachePublic().sMaxAge(Duration.ofSeconds(5)).getHeaderValue());
		response.setHeader(SURROGATE_KEY, keys.header());
	}

	/**
	 * CASE: one widget slot's fragment, for an edge that assembles pages and for the
	 * page's script. Browsers keep it a minute; an edge too, or until a refresh purges
	 * its key (rates, weather, the breaking-news banner; most read and the date simply
	 * age), and may serve a stale one while it fetches anew.
	 */
	static void slotFragment(HttpServletResponse response, String keys) {
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofSeconds(60))
					.cachePublic()
					.staleWhileRevalidate(Duration.ofMinutes(5))
					.staleIfError(Duration.ofDays(1))
					.getHeaderValue());
		response.setHeader(SURROGATE_KEY, keys);
	}

	/**
	 * CASE: a published page that changes with time alone (the news sitemap drops
	 * articles as they age): kept no longer than {@code until}.
	 */
	static void keepUntil(HttpServletRequest request, Instant until) {
		request.setAttribute(PageCacheFilter.EXPIRES_ATTRIBUTE, until);
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
	 * An old address that moved for good ({@link io.qalam.content.Redirects}): a 301 that
	 * browsers and caches keep for an hour, as an editor may still correct where it
	 * leads.
	 * @return the view that answers it
	 */
	static String movedPermanently(HttpServletRequest request, HttpServletResponse response, String location) {
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofHours(1)).cachePublic().getHeaderValue());
		return "redirect:" + location;
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
