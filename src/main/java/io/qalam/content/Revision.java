package io.qalam.content;

import java.time.Instant;

/** One saved state of an article's text. */
public record Revision(long articleId, int number, String headline, String lead, String bodyHtml, String savedBy,
		Instant savedAt, String note) {
}
