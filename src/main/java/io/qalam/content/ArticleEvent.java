package io.qalam.content;

import java.util.List;

/**
 * What happened to an article that readers can see, published after the change has been
 * stored, in the same transaction. Carries ids only (events are stored in the event
 * publication registry, which keeps payloads small), and the article's place before and
 * after the change, so that listeners know exactly which pages changed.
 */
public sealed interface ArticleEvent {

	long articleId();

	String edition();

	long storyId();

	/**
	 * The article's version after the change: with the article id, it names this change
	 * (listeners that deliver elsewhere use it to recognise an event they already
	 * handled).
	 */
	int version();

	/** Where the change came from. */
	Origin origin();

	/** Where the article appeared before the change; null if it was not public. */
	Placement before();

	/** Where the article appears after the change; null if it is no longer public. */
	Placement after();

	/**
	 * The pages an article appears on.
	 *
	 * @param path the article's address
	 * @param authorIds the byline authors, first named first; empty for none
	 */
	record Placement(String path, long sectionId, List<Long> authorIds, List<Long> tagIds) {

		public Placement {
			authorIds = List.copyOf(authorIds);
			tagIds = List.copyOf(tagIds);
		}

	}

	/**
	 * Where a change came from. Readers are told (Telegram, webhooks) only of changes
	 * whose origin {@link #tellsReaders()}: not of demo content, nor of an archive
	 * brought over.
	 */
	enum Origin {

		/** A newsroom action. */
		NEWSROOM,
		/** A scheduled publication whose time came. */
		SCHEDULE,
		/** An embargo that ended. */
		EMBARGO,
		/** The demo content of a new install. */
		DEMO,
		/** An import of an archive. */
		IMPORT,
		/** The content API. */
		API,
		/** A wire feed. */
		WIRE;

		public boolean tellsReaders() {
			return this != DEMO && this != IMPORT;
		}

	}

	/** The article became public. */
	record ArticlePublished(long articleId, String edition, long storyId, int version, Origin origin, Placement before,
			Placement after) implements ArticleEvent {
	}

	/** A public article was changed. */
	record ArticleUpdated(long articleId, String edition, long storyId, int version, Origin origin, Placement before,
			Placement after) implements ArticleEvent {
	}

	/** The article is no longer public. */
	record ArticleUnpublished(long articleId, String edition, long storyId, int version, Origin origin,
			Placement before, Placement after) implements ArticleEvent {
	}

}
