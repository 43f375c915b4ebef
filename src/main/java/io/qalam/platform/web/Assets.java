package io.qalam.platform.web;

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

	Assets(ResourceUrlProvider mvcResourceUrlProvider) {
		this.urls = mvcResourceUrlProvider;
	}

	public String url(String path) {
		String versioned = this.urls.getForLookupPath(path);
		return (versioned != null) ? versioned : path;
	}

}
