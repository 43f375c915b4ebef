package io.qalam.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Addresses of our static files with a content hash in the name (e.g.
 * {@code /site/site-3f2a….css}), so that they can be cached for a year and still change
 * the moment their content does.
 */
@Component
public class Assets {

	private final ResourceUrlProvider urls;

	// The files are in the application and do not change while it runs; finding the
	// versioned name each time was a percent of an uncached page
	private final Map<String, String> known = new ConcurrentHashMap<>();

	Assets(ResourceUrlProvider mvcResourceUrlProvider) {
		this.urls = mvcResourceUrlProvider;
	}

	public String url(String path) {
		return this.known.computeIfAbsent(path, (p) -> {
			String versioned = this.urls.getForLookupPath(p);
			return (versioned != null) ? versioned : p;
		});
	}

}
