package io.qalam.content;

import java.time.Instant;
import java.util.List;

import io.qalam.media.ImageView;

/**
 * Everything the public article page shows about one published article.
 *
 * @param bodyHtml the body, sanitized when it was saved
 * @param updatedAt when the article was last edited after publication, or null
 * @param authors the byline, in order; empty for agency copy (its name is in the source
 * line)
 * @param leadImage the lead photo with this article's caption and credit, or null
 * @param translations the published versions of the same story in other editions
 * @param readAlso related published articles of the same edition, never this one
 * @param corrections corrections attached to updates, oldest first
 * @param live the coverage of a live blog, or null for an ordinary article
 */
public record ArticlePage(long id, long storyId, String edition, String slug, String path, String headline, String lead,
		String bodyHtml, String description, LeadImage leadImage, String sourceLine, Instant publishedAt,
		Instant updatedAt, SectionRef section, List<AuthorRef> authors, List<TagRef> tags,
		List<Translation> translations, List<ArticleSummary> readAlso, List<Correction> corrections,
		LiveBlogs.Coverage live) {

	/**
	 * Whether "Read also" can change when the edition's newest articles change. It is
	 * filled from articles sharing a tag, then from the section's newest, and only while
	 * those leave room, from the edition's newest.
	 */
	public boolean readAlsoFollowsTheLatest() {
		return this.readAlso.size() < PublishedArticles.READ_ALSO
				|| this.readAlso.get(this.readAlso.size() - 1).section().id() != this.section.id();
	}

	/** A correction readers are told about, with its time. */
	public record Correction(String note, Instant at) {
	}

	/** The lead photo as this article captions and credits it. */
	public record LeadImage(ImageView image, String caption, String credit) {
	}

	/** The same story published in another edition. */
	public record Translation(String edition, String path, String headline) {
	}

}
