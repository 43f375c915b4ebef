/**
 * The content API: read-only and anonymous under {@code /api/v1/} — editions, sections,
 * tags, authors, article lists paged by cursor, articles by number or address, search and
 * most read — as JSON with ETags and the pages' cache headers, described by OpenAPI at
 * {@code /v3/api-docs}; and writing through it with tokens admins issue for a newsroom
 * account ({@link io.qalam.api.ApiTokens}).
 */
@ApplicationModule(allowedDependencies = { "accounts", "analytics", "content", "edition", "media", "platform",
		"platform :: web", "search" })
package io.qalam.api;

import org.springframework.modulith.ApplicationModule;
