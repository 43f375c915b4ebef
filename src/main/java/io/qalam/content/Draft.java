package io.qalam.content;

import java.util.List;

/**
 * The editable fields of an article, as the editor form sends them.
 *
 * @param slug the address part; empty to derive it from the headline. Only changeable
 * until the first publication
 * @param tags tag names in the article's edition
 * @param authorSlug the byline author's slug, or empty for none
 * @param correction a correction note to show readers with this update (published
 * articles only), or empty
 */
public record Draft(String headline, String lead, String bodyHtml, String sectionSlug, List<String> tags, String slug,
		String sourceLine, String seoDescription, String authorSlug, String correction) {

	/** A draft without a correction note. */
	public Draft(String headline, String lead, String bodyHtml, String sectionSlug, List<String> tags, String slug,
			String sourceLine, String seoDescription, String authorSlug) {
		this(headline, lead, bodyHtml, sectionSlug, tags, slug, sourceLine, seoDescription, authorSlug, null);
	}

}
