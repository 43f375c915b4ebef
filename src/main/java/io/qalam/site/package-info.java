/**
 * The public news site: home, section, tag, author, article and static pages, the
 * localized error pages and the SEO metadata of each.
 */
@ApplicationModule(
		allowedDependencies = { "content", "edition", "media", "platform", "platform :: provided", "platform :: web" })
package io.qalam.site;

import org.springframework.modulith.ApplicationModule;
