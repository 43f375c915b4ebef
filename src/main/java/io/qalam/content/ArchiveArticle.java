package io.qalam.content;

import java.time.Instant;
import java.util.List;

/**
 * An article from an archive (an import), written with the status and time it had there.
 *
 * @param id the article this one updates, or null for a new one
 * @param version the version the import left it at: a change made since in the newsroom
 * is never overwritten
 * @param storyId the story it translates, from {@link ArchiveWrites#createStory()}; for a
 * new article only
 * @param status {@code PUBLISHED}, {@code SCHEDULED} or {@code DRAFT}
 * @param at when it was published, or is to be; null for a draft
 * @param slug the address part it had, kept where it is well formed and free; empty to
 * derive one from the headline
 * @param bodyHtml sanitized on the way in; what the sanitizer takes out is named in
 * {@link ArchiveWrites.Written#notes()}
 * @param authorIds the byline, from {@link ArchiveWrites#byline}
 * @param tags tag names, created where new
 * @param leadImageId the lead picture from the media library, or null
 * @param leadImageCaption its caption in this article; empty for the library's
 */
public record ArchiveArticle(Long id, int version, Long storyId, String edition, ArticleStatus status, Instant at,
		String slug, String headline, String lead, String bodyHtml, String seoDescription, long sectionId,
		List<Long> authorIds, List<String> tags, Long leadImageId, String leadImageCaption) {

	public ArchiveArticle {
		if (status != ArticleStatus.PUBLISHED && status != ArticleStatus.SCHEDULED && status != ArticleStatus.DRAFT) {
			throw new IllegalArgumentException("An archive article is published, scheduled or a draft: " + status);
		}
		if (status != ArticleStatus.DRAFT && at == null) {
			throw new IllegalArgumentException("A " + status + " article needs its time");
		}
		authorIds = List.copyOf(authorIds);
		tags = List.copyOf(tags);
	}

}
