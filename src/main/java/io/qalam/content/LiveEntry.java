package io.qalam.content;

import java.time.Instant;

/**
 * One entry of a live blog, as readers see it.
 *
 * @param bodyHtml sanitized when posted
 * @param correctedAt when it was last corrected, or null
 */
public record LiveEntry(long id, long articleId, Instant postedAt, String bodyHtml, boolean pinned,
		Instant correctedAt) {

	/** Its anchor on the article's page: {@code #entry-{id}}. */
	public String anchor() {
		return "entry-" + this.id;
	}

}
