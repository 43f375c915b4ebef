/**
 * The public news site: home, section, tag, author, article and static pages, the
 * localized error pages and the SEO metadata of each.
 */
package io.qalam.site;
