package io.qalam.site;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qalam.platform.web.SlotMarkers;
import io.qalam.platform.web.WidgetSlots;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public pages: from the {@link PageCache} when a page is kept, otherwise by
 * rendering it, filling its widget slots, and keeping it if it is a published page. Each
 * answer carries an {@code ETag} and {@code Last-Modified}, and is {@code 304} when the
 * reader's copy is current; the gzip copy goes to readers who accept it.
 * <p>
 * Runs before security and MVC, so that a kept page costs neither: public pages are
 * anonymous, and the headers of the first answer are kept with the page, but for the
 * security headers, which Tomcat writes on every answer. A page is kept only when its
 * controller marked it as a published page ({@link CachePolicy#publicPage}: public
 * {@code Cache-Control} and a {@code Surrogate-Key}), it answered 200 to a GET, and it
 * sets no cookie.
 */
class PageCacheFilter extends OncePerRequestFilter {

	/**
	 * Says whether the page came from the cache: {@code HIT}, {@code MISS} or
	 * {@code OFF}.
	 */
	static final String CACHE_HEADER = "X-Cache";

	// The edition pages, the sitemaps and robots.txt; not the newsroom, media or assets
	private static final Pattern PUBLIC = Pattern
		.compile("/[a-z]{2,3}(/.*)?|/sitemap\\.xml|/news-sitemap\\.xml|/sitemaps/[^/]+|/robots\\.txt");

	// The widget slots' fragments (SlotFragmentController): in memory already
	private static final Pattern FRAGMENTS = Pattern.compile("/[a-z]{2,3}/widgets/.*");

	/**
	 * Sent by an edge that assembles pages itself ({@code varnish="ESI/1.0"}): its pages
	 * carry an {@code <esi:include>} for each slot.
	 */
	static final String SURROGATE_CAPABILITY = "Surrogate-Capability";

	private static final String SURROGATE_CONTROL = "Surrogate-Control";

	private static final String ESI_CONTENT = "content=\"ESI/1.0\"";

	// An ESI page is kept apart from the same page filled in (no space is in an address)
	private static final String ESI_VARIANT = " esi";

	// Made again for each answer, or meaningless for a kept page; the security headers
	// are written by Tomcat on every answer, for that request (HSTS only over HTTPS), and
	// the request's id by RequestIds
	private static final Set<String> NOT_KEPT = Set.of("content-length", "content-type", "content-encoding",
			"transfer-encoding", "date", "etag", "last-modified", "vary", "set-cookie", "connection", "keep-alive",
			"x-request-id", CACHE_HEADER.toLowerCase(Locale.ROOT), "content-security-policy", "x-content-type-options",
			"x-frame-options", "referrer-policy", "strict-transport-security", "x-xss-protection");

	/** Set by a controller: the kept page is served no longer than this. */
	static final String EXPIRES_ATTRIBUTE = PageCacheFilter.class.getName() + ".expires";

	// A reader waits this long for the same page rendered for another before rendering it
	private static final Duration RENDER_WAIT = Duration.ofSeconds(5);

	private final PageCache cache;

	// Renders under way, by address; an entry goes when its render ends
	private final AsyncCache<String, CachedPage> rendering = Caffeine.newBuilder().buildAsync();

	private final SlotFragments slots;

	private final SlotMarkers markers;

	private final Clock clock;

	// served pages by how: HIT, MISS (rendered and kept), OFF, or PASS (rendered, not a
	// page to keep)
	private final Map<String, Counter> served;

	private final Timer renderTime;

	PageCacheFilter(PageCache cache, SlotFragments slots, SlotMarkers markers, Clock clock, MeterRegistry meters) {
		this.cache = cache;
		this.slots = slots;
		this.served = Map.of("HIT", served(meters, "hit"), "MISS", served(meters, "miss"), "OFF", served(meters, "off"),
				"PASS", served(meters, "pass"));
		this.renderTime = Timer.builder("qalam.page.render")
			.description("Rendering a public page that was not kept, its widget slots aside")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(meters);
		this.markers = markers;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// error pages use the public layout too: their slots need filling
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return false;
		}
		String method = request.getMethod();
		String path = request.getRequestURI();
		return !("GET".equals(method) || "HEAD".equals(method)) || !PUBLIC.matcher(path).matches()
				|| FRAGMENTS.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean first = request.getDispatcherType() == DispatcherType.REQUEST;
		boolean esi = esi(request);
		String url = first ? url(request) + (esi ? ESI_VARIANT : "") : null;
		if (first) {
			CachedPage kept = this.cache.get(url);
			if (kept != null) {
				serve(kept, request, response, "HIT", esi);
				return;
			}
		}
		// CASE: the same page is being rendered for another reader (a spike right after
		// a publication): wait for that one rather than render it again
		CompletableFuture<CachedPage> rendered = null;
		if (first && this.cache.enabled() && "GET".equals(request.getMethod())) {
			CompletableFuture<CachedPage> mine = new CompletableFuture<>();
			CompletableFuture<CachedPage> running = this.rendering.get(url, (key, executor) -> mine);
			if (running == mine) {
				rendered = mine;
			}
			else {
				CachedPage page = awaitRendering(running);
				if (page != null) {
					serve(page, request, response, "HIT", esi);
					return;
				}
			}
		}
		CachedPage kept = null;
		try {
			kept = render(request, response, chain, first, url, esi);
		}
		finally {
			if (rendered != null) {
				rendered.complete(kept);
				this.rendering.asMap().remove(url, rendered);
			}
		}
	}

	/**
	 * Renders the page and answers it.
	 * @return the page if it was kept, else null
	 */
	private CachedPage render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			boolean first, String url, boolean esi) throws IOException, ServletException {
		long epoch = this.cache.epoch();
		Buffered buffered = new Buffered(response);
		long started = System.nanoTime();
		chain.doFilter(request, buffered);
		this.renderTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		if (buffered.sentAlready || response.isCommitted()) {
			// CASE: an error or redirect went out as it was (an error page follows in its
			// own dispatch)
			return null;
		}
		// One copy out of the buffer: getContentAsByteArray joins its blocks, then clones
		byte[] body = new byte[buffered.getContentSize()];
		buffered.getContentInputStream().readNBytes(body, 0, body.length);
		String contentType = buffered.getContentType();
		boolean html = contentType != null && contentType.startsWith("text/html");
		SlotMarkers.Split text = html ? this.markers.split(body) : new SlotMarkers.Split(List.of(body), List.of());
		if (first && keepable(request, buffered, body)) {
			if (!this.cache.enabled()) {
				// CASE: cache switched off: answered as a kept page would be (validators,
				// 304) with the headers already set, none copied for a page not kept
				serve(new CachedPage(url, text, contentType, List.of(), Set.of(), null), request, response, "OFF", esi);
				return null;
			}
			CachedPage page = new CachedPage(url, text, contentType, headers(response),
					Set.of(buffered.getHeader(CachePolicy.SURROGATE_KEY).split(" ")),
					(Instant) request.getAttribute(EXPIRES_ATTRIBUTE));
			boolean kept = this.cache.put(page, epoch);
			// The kept headers are added again by serve; the security headers Tomcat
			// wrote
			// for this request stay (a reset would drop them)
			for (CachedPage.Header header : page.headers()) {
				response.setHeader(header.name(), null);
			}
			serve(page, request, response, "MISS", esi);
			return kept ? page : null;
		}
		// Not a page to keep: as it was answered, with its slots filled
		this.served.get("PASS").increment();
		CachedPage once = new CachedPage(url, text, contentType, List.of(), Set.of(), null);
		CachedPage.Assembled assembled = once.assemble(esi ? this.slots.included() : this.slots.filled(),
				this.clock.instant(), Long.MAX_VALUE);
		if (esi && once.hasSlots()) {
			response.setHeader(SURROGATE_CONTROL, ESI_CONTENT);
		}
		response.setContentLength(assembled.length());
		if (!"HEAD".equals(request.getMethod())) {
			assembled.writeTo(response.getOutputStream());
		}
		return null;
	}

	// A page rendered by another request: kept (and current), or null to render it here
	private static CachedPage awaitRendering(CompletableFuture<CachedPage> running) {
		try {
			return running.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	private boolean keepable(HttpServletRequest request, Buffered response, byte[] body) {
		String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
		return "GET".equals(request.getMethod()) && response.getStatus() == HttpServletResponse.SC_OK && body.length > 0
				&& response.getHeader(CachePolicy.SURROGATE_KEY) != null && cacheControl != null
				&& cacheControl.contains("public") && !response.containsHeader(HttpHeaders.SET_COOKIE);
	}

	private void serve(CachedPage page, HttpServletRequest request, HttpServletResponse response, String status,
			boolean esi) throws IOException {
		CachedPage.Assembled assembled = page.assemble(esi ? this.slots.included() : this.slots.filled(),
				this.clock.instant(), this.cache.lastChange());
		boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		for (CachedPage.Header header : page.headers()) {
			response.addHeader(header.name(), header.value());
		}
		if (esi && page.hasSlots()) {
			// the edge fills the slots and keeps their fragments apart: a rates change
			// purges the fragments, not this page
			response.setHeader(SURROGATE_CONTROL, ESI_CONTENT);
			String keys = response.getHeader(CachePolicy.SURROGATE_KEY);
			if (keys != null) {
				response.setHeader(CachePolicy.SURROGATE_KEY, withoutWidgetKeys(keys));
			}
		}
		response.setHeader(HttpHeaders.ETAG, gzip ? assembled.gzipEtag() : assembled.etag());
		response.setHeader(HttpHeaders.LAST_MODIFIED, assembled.lastModifiedHeader());
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		response.setHeader(CACHE_HEADER, status);
		this.served.get(status).increment();
		// If-None-Match before If-Modified-Since, weak comparison (RFC 9110); a stamp
		// from a second that saw a change is not offered. Asked only of conditional
		// requests: the check parses the Last-Modified just set, with a new date format
		if (conditional(request) && new ServletWebRequest(request, response).checkNotModified(
				gzip ? assembled.gzipEtag() : assembled.etag(),
				assembled.lastModifiedExact() ? assembled.lastModified() : -1)) {
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType());
		byte[] compressed = gzip ? assembled.gzip() : null;
		if (compressed != null) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			response.setContentLength(compressed.length);
		}
		else {
			response.setContentLength(assembled.length());
		}
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		OutputStream out = response.getOutputStream();
		if (compressed != null) {
			out.write(compressed);
		}
		else {
			assembled.writeTo(out);
		}
	}

	private static Counter served(MeterRegistry meters, String how) {
		return Counter.builder("qalam.page.cache")
			.description("Public pages served, by whether the page cache had them")
			.tag("result", how)
			.register(meters);
	}

	static boolean esi(HttpServletRequest request) {
		String capability = request.getHeader(SURROGATE_CAPABILITY);
		return capability != null && capability.contains("ESI/1.0");
	}

	// widgets-{edition}: the key of pages with their slots filled in
	private static String withoutWidgetKeys(String keys) {
		StringBuilder kept = new StringBuilder(keys.length());
		for (String key : keys.split(" ")) {
			if (!key.startsWith("widgets-")) {
				kept.append((kept.length() > 0) ? " " : "").append(key);
			}
		}
		return kept.toString();
	}

	private static boolean conditional(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
				|| request.getHeader(HttpHeaders.IF_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null;
	}

	/**
	 * Whether {@code Accept-Encoding} allows gzip (present, and not with {@code q=0}).
	 */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		boolean any = false;
		for (String coding : acceptEncoding.split(",")) {
			String[] fields = coding.split(";");
			String name = fields[0].strip().toLowerCase(Locale.ROOT);
			boolean refused = false;
			for (int i = 1; i < fields.length; i++) {
				String parameter = fields[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
				if (parameter.matches("q=0(\\.0{0,3})?")) {
					refused = true;
				}
			}
			if (name.equals("gzip") || name.equals("x-gzip")) {
				return !refused;
			}
			if (name.equals("*")) {
				any = !refused;
			}
		}
		return any;
	}

	private static String url(HttpServletRequest request) {
		String query = request.getQueryString();
		return (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
	}

	private static List<CachedPage.Header> headers(HttpServletResponse response) {
		List<CachedPage.Header> headers = new ArrayList<>();
		for (String name : Set.copyOf(response.getHeaderNames())) {
			if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				for (String value : response.getHeaders(name)) {
					headers.add(new CachedPage.Header(name, value));
				}
			}
		}
		return headers;
	}

	/** Holds the answer back until it is known whether to keep it. */
	private static final class Buffered extends ContentCachingResponseWrapper {

		private boolean sentAlready;

		Buffered(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			this.sentAlready = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			this.sentAlready = true;
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			this.sentAlready = true;
			super.sendRedirect(location);
		}

	}

}
