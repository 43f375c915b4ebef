package io.qalam.newsroom;

import java.util.Arrays;
import java.util.List;

import io.qalam.content.Draft;

/**
 * The editor form's fields exactly as the user typed them, so that a refused save can
 * show them again untouched.
 *
 * @param tags tag names separated by commas
 * @param scheduledAt {@code yyyy-MM-ddTHH:mm} in the newsroom's time zone, or empty
 * @param correction a correction note for readers, with an update of a published article
 * @param embargoUntil {@code yyyy-MM-ddTHH:mm} in the newsroom's time zone, or empty
 */
public record EditorForm(String headline, String lead, String body, String section, String tags, String slug,
		String source, String seo, String author, String scheduledAt, String correction, String embargoUntil) {

	static EditorForm of(Draft draft) {
		return new EditorForm(draft.headline(), draft.lead(), draft.bodyHtml(), draft.sectionSlug(),
				String.join(", ", draft.tags()), draft.slug(), orEmpty(draft.sourceLine()),
				orEmpty(draft.seoDescription()), orEmpty(draft.authorSlug()), "", "", "");
	}

	static EditorForm empty() {
		return new EditorForm("", "", "", "", "", "", "", "", "", "", "", "");
	}

	/** The same form with other text (headline, lead, body). */
	EditorForm withText(String headline, String lead, String body) {
		return new EditorForm(headline, lead, body, this.section, this.tags, this.slug, this.source, this.seo,
				this.author, this.scheduledAt, this.correction, this.embargoUntil);
	}

	Draft toDraft() {
		List<String> tagList = Arrays.stream(orEmpty(this.tags).split(",")).map(String::strip).toList();
		return new Draft(this.headline, this.lead, this.body, this.section, tagList, this.slug, this.source, this.seo,
				this.author, this.correction);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
