/**
 * The public news site: home, section, tag, author, article and static pages, the
 * localized error pages, feeds and sitemaps, the SEO metadata and cache headers of each,
 * the page cache that keeps rendered pages and evicts exactly what a change alters, and
 * the purges of the edge caches in front by the same keys.
 */
@ApplicationModule(allowedDependencies = { "accounts", "content", "edition", "media", "platform",
		"platform :: provided", "platform :: web" })
package io.qalam.site;

import org.springframework.modulith.ApplicationModule;
