package io.qalam.content;

import java.time.Instant;

/**
 * An article in any state, as the newsroom's editor loads it.
 *
 * @param version the version a save or transition must name (optimistic locking)
 * @param owner the newsroom user who created it
 * @param publishedAt the first publication, or null
 * @param scheduledAt when a scheduled article goes live, or null
 * @param embargoUntil until when readers may not see it, or null
 */
public record EditableArticle(long id, long storyId, String edition, ArticleStatus status, int version, String owner,
		Instant publishedAt, Instant scheduledAt, Instant embargoUntil, Draft draft) {
}
