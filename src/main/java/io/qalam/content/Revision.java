package io.qalam.content;

import java.time.Instant;
import java.util.Map;

/**
 * One saved state of an article.
 *
 * @param note what the save was for (created, restored, an action such as PUBLISH), or
 * null for a plain save
 * @param settings the editor's field name to its value as saved; fields a revision saved
 * before they were kept are missing
 */
public record Revision(long articleId, int number, String headline, String lead, String bodyHtml, String savedBy,
		Instant savedAt, String note, Map<String, String> settings) {
}
