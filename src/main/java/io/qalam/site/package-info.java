/**
 * The public news site: home, section, tag, author, article and static pages, the
 * localized error pages, feeds and sitemaps, the SEO metadata and cache headers of each,
 * and the page cache that keeps rendered pages and evicts exactly what a change alters.
 */
@ApplicationModule(
		allowedDependencies = { "content", "edition", "media", "platform", "platform :: provided", "platform :: web" })
package io.qalam.site;

import org.springframework.modulith.ApplicationModule;
