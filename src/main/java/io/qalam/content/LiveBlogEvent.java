package io.qalam.content;

/**
 * A live blog changed: its coverage started or ended, or an entry was posted, corrected
 * or pinned. Its own event, not {@link ArticleEvent.ArticleUpdated}: the article's page
 * changes, nothing else, and no channel is told of each entry.
 *
 * @param entryId the entry concerned, or 0 for the coverage itself
 */
public record LiveBlogEvent(long articleId, String edition, long entryId, Kind kind) {

	/** What changed. */
	public enum Kind {

		STARTED, ENDED, POSTED, CORRECTED, PINNED

	}

}
