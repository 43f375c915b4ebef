package io.qalam.content;

/**
 * A live blog changed: its coverage started or ended, or an entry was posted, corrected
 * or pinned, or an editor asked for an entry to go to the edition's channel
 * ({@code SHARED}). Its own event, not {@link ArticleEvent.ArticleUpdated}: the article's
 * page changes, nothing else, and no channel is told of an entry unless an editor asks.
 *
 * @param entryId the entry concerned, or 0 for the coverage itself
 */
public record LiveBlogEvent(long articleId, String edition, long entryId, Kind kind) {

	/** What changed. */
	public enum Kind {

		STARTED, ENDED, POSTED, CORRECTED, PINNED, SHARED

	}

}
