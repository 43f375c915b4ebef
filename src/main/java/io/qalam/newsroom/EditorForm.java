package io.qalam.newsroom;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.qalam.content.Draft;
import io.qalam.content.WorkflowException;
import io.qalam.platform.Text;

/**
 * The editor form's fields exactly as the user typed them, so that a refused save can
 * show them again untouched.
 *
 * @param tags tag names separated by commas
 * @param scheduledAt {@code yyyy-MM-ddTHH:mm} in the newsroom's time zone, or empty
 * @param correction a correction note for readers, with an update of a published article
 * @param embargoUntil {@code yyyy-MM-ddTHH:mm} in the newsroom's time zone, or empty
 * @param leadImage the lead image picked from the list in the editor, or empty for none
 * @param leadImageNumber the number of another library image; wins over {@code leadImage}
 * when given
 * @param leadImageCaption the article's own caption of its lead image, or empty
 * @param leadImageCredit the article's own credit of its lead image, or empty
 */
public record EditorForm(String headline, String lead, String body, String section, String tags, String slug,
		String source, String seo, List<String> authors, String scheduledAt, String correction, String embargoUntil,
		String leadImage, String leadImageNumber, String leadImageCaption, String leadImageCredit) {

	/** A field the browser did not send reads as empty, as an empty field does. */
	public EditorForm {
		headline = orEmpty(headline);
		lead = orEmpty(lead);
		body = orEmpty(body);
		section = orEmpty(section);
		tags = orEmpty(tags);
		slug = orEmpty(slug);
		source = orEmpty(source);
		seo = orEmpty(seo);
		// one select per byline place; the empty ones say nothing
		authors = (authors != null) ? authors.stream().map(EditorForm::orEmpty).filter((a) -> !a.isBlank()).toList()
				: List.of();
		scheduledAt = orEmpty(scheduledAt);
		correction = orEmpty(correction);
		embargoUntil = orEmpty(embargoUntil);
		leadImage = orEmpty(leadImage);
		leadImageNumber = orEmpty(leadImageNumber);
		leadImageCaption = orEmpty(leadImageCaption);
		leadImageCredit = orEmpty(leadImageCredit);
	}

	static EditorForm of(Draft draft) {
		return new EditorForm(draft.headline(), draft.lead(), draft.bodyHtml(), draft.sectionSlug(),
				String.join(", ", draft.tags()), draft.slug(), orEmpty(draft.sourceLine()),
				orEmpty(draft.seoDescription()), draft.authorSlugs(), "", "", "",
				(draft.leadImageId() != null) ? draft.leadImageId().toString() : "", "",
				orEmpty(draft.leadImageCaption()), orEmpty(draft.leadImageCredit()));
	}

	static EditorForm empty() {
		return new EditorForm("", "", "", "", "", "", "", "", List.of(), "", "", "", "", "", "", "");
	}

	/** The same form with other text (headline, lead, body). */
	EditorForm withText(String headline, String lead, String body) {
		return new EditorForm(headline, lead, body, this.section, this.tags, this.slug, this.source, this.seo,
				this.authors, this.scheduledAt, this.correction, this.embargoUntil, this.leadImage,
				this.leadImageNumber, this.leadImageCaption, this.leadImageCredit);
	}

	/**
	 * The same form with the byline's authors in order. They come as repeated
	 * {@code author} fields (one select per place), which the binder does not fill into a
	 * record's list, so the controller passes them here.
	 */
	EditorForm withAuthors(List<String> byline) {
		return new EditorForm(this.headline, this.lead, this.body, this.section, this.tags, this.slug, this.source,
				this.seo, byline, this.scheduledAt, this.correction, this.embargoUntil, this.leadImage,
				this.leadImageNumber, this.leadImageCaption, this.leadImageCredit);
	}

	/** The same form with a just uploaded image as its lead image. */
	EditorForm withLeadImage(long imageId) {
		return new EditorForm(this.headline, this.lead, this.body, this.section, this.tags, this.slug, this.source,
				this.seo, this.authors, this.scheduledAt, this.correction, this.embargoUntil, Long.toString(imageId),
				"", this.leadImageCaption, this.leadImageCredit);
	}

	/** The lead image the form asks for, or null for none. */
	Long chosenImage() {
		String typed = orEmpty(this.leadImageNumber).strip();
		String chosen = typed.isEmpty() ? orEmpty(this.leadImage).strip() : typed;
		if (chosen.isEmpty()) {
			return null;
		}
		if (!chosen.matches("\\d{1,18}")) {
			throw new WorkflowException.Invalid(Text.of("draft.notSaved"),
					Map.of("leadImage", Text.of("editor.field.imageDigits")));
		}
		return Long.valueOf(chosen);
	}

	Draft toDraft() {
		List<String> tagList = Arrays.stream(orEmpty(this.tags).split(",")).map(String::strip).toList();
		return new Draft(this.headline, this.lead, this.body, this.section, tagList, this.slug, this.source, this.seo,
				this.authors, this.correction, chosenImage(), this.leadImageCaption, this.leadImageCredit);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
