package io.qalam.content;

import java.time.Instant;
import java.util.List;

import io.qalam.platform.PlainText;

/**
 * An article written outside the newsroom, already published (demo content, an import);
 * {@code bodyHtml} is sanitized on the way in.
 *
 * @param storyId the story it translates, from {@link BulkWrites#createStory()}
 * @param authorIds the byline's authors in order; empty for none
 * @param tags tag names, created where new
 */
public record NewArticle(long storyId, String edition, long sectionId, List<Long> authorIds, String headline,
		String lead, String bodyHtml, String seoDescription, Long leadImageId, String leadImageCaption,
		String leadImageCredit, String sourceLine, Instant publishedAt, List<String> tags) {

	// Text from outside (an archive, a feed) is cleaned as the newsroom's is: no control
	// or bidirectional override characters reach the database
	public NewArticle {
		headline = clean(headline);
		lead = clean(lead);
		seoDescription = clean(seoDescription);
		leadImageCaption = clean(leadImageCaption);
		leadImageCredit = clean(leadImageCredit);
		sourceLine = clean(sourceLine);
		tags = tags.stream().map(NewArticle::clean).toList();
		authorIds = (authorIds != null) ? List.copyOf(authorIds) : List.of();
	}

	private static String clean(String text) {
		return (text != null) ? PlainText.clean(text).strip() : null;
	}
}
