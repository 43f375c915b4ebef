package io.qalam.content;

import java.time.Instant;

import io.qalam.media.ImageView;

/**
 * A published article as lists show it (home, section, tag, author pages, "Read also").
 *
 * @param path the article's address, e.g. {@code /ru/2026/11/27/slug}
 * @param lead the lead, or null in "Read also", which does not show it
 * @param image the lead image, or null
 */
public record ArticleSummary(long id, String edition, String path, String headline, String lead, Instant publishedAt,
		SectionRef section, ImageView image) {
}
