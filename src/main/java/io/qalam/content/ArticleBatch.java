package io.qalam.content;

import java.util.List;

/**
 * Many articles of one edition written at once, outside the newsroom (demo content, an
 * import): one event per at most {@link #MOST} articles, small enough for the event
 * publication registry. Listeners treat it as a change of each article, with no placement
 * known before it; readers are never told of it.
 */
public record ArticleBatch(ArticleEvent.Origin origin, String edition, List<Long> articleIds) {

	/** The most articles in one batch: 200 ids stay well inside 4,000 characters. */
	public static final int MOST = 200;

	public ArticleBatch {
		articleIds = List.copyOf(articleIds);
		if (origin.tellsReaders()) {
			throw new IllegalArgumentException("A batch is for changes readers are not told of, not " + origin);
		}
		if (articleIds.isEmpty() || articleIds.size() > MOST) {
			throw new IllegalArgumentException("A batch holds 1 to " + MOST + " articles, not " + articleIds.size());
		}
	}

}
