package io.qalam.content;

import java.util.List;

/**
 * The editable fields of an article, as the editor form sends them.
 *
 * @param slug the address part; empty to derive it from the headline. Only changeable
 * until the first publication
 * @param tags tag names in the article's edition
 * @param authorSlugs the byline's authors' slugs in order; empty for none (an agency's
 * name goes in the source line)
 * @param correction a correction note to show readers with this update (published
 * articles only), or empty
 * @param leadImageId the lead image from the media library, or null for none
 * @param leadImageCaption this article's caption of its lead image; empty for the
 * library's caption
 * @param leadImageCredit this article's credit line of its lead image; empty for the
 * library's credit
 */
public record Draft(String headline, String lead, String bodyHtml, String sectionSlug, List<String> tags, String slug,
		String sourceLine, String seoDescription, List<String> authorSlugs, String correction, Long leadImageId,
		String leadImageCaption, String leadImageCredit) {

	public Draft {
		authorSlugs = (authorSlugs != null) ? List.copyOf(authorSlugs) : List.of();
	}

	/** A draft with one author or none, and without a lead image. */
	public Draft(String headline, String lead, String bodyHtml, String sectionSlug, List<String> tags, String slug,
			String sourceLine, String seoDescription, String authorSlug, String correction) {
		this(headline, lead, bodyHtml, sectionSlug, tags, slug, sourceLine, seoDescription,
				(authorSlug == null || authorSlug.isBlank()) ? List.of() : List.of(authorSlug), correction, null, null,
				null);
	}

	/** A draft without a correction note or a lead image. */
	public Draft(String headline, String lead, String bodyHtml, String sectionSlug, List<String> tags, String slug,
			String sourceLine, String seoDescription, String authorSlug) {
		this(headline, lead, bodyHtml, sectionSlug, tags, slug, sourceLine, seoDescription, authorSlug, null);
	}

	/** The same draft with another lead image (null for none), caption and credit. */
	public Draft withLeadImage(Long imageId, String caption, String credit) {
		return new Draft(this.headline, this.lead, this.bodyHtml, this.sectionSlug, this.tags, this.slug,
				this.sourceLine, this.seoDescription, this.authorSlugs, this.correction, imageId, caption, credit);
	}

}
