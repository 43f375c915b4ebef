/**
 * The content API: read-only and anonymous under {@code /api/v1/} — editions, sections,
 * tags, authors, article lists paged by cursor, articles by number or address, search and
 * most read — as JSON with ETags and the pages' cache headers, described by OpenAPI at
 * {@code /v3/api-docs}.
 */
@ApplicationModule(allowedDependencies = { "analytics", "content", "edition", "media", "platform", "search" })
package io.qalam.api;

import org.springframework.modulith.ApplicationModule;
