package io.qalam.content;

import java.util.List;

/**
 * The editable fields of an article, as the editor form sends them.
 *
 * @param slug the address part; empty to derive it from the headline. Only changeable
 * until the first publication
 * @param tags tag names in the article's edition
 * @param authorSlug the byline author's slug, or empty for none
 */
public record Draft(String headline, String lead, String bodyHtml, String sectionSlug, List<String> tags, String slug,
		String sourceLine, String seoDescription, String authorSlug) {
}
