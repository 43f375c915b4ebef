package io.qalam.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.edition.Slugs;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.PlainText;
import io.qalam.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks what the newsroom's form sends before anything is stored: required fields,
 * lengths, a section, author and image that exist, a free and well-formed address. The
 * workflow decides what may be done; this says whether the text may be stored.
 */
@Component
class DraftCheck {

	/** The most authors a byline names. */
	static final int MAX_AUTHORS = 5;

	private final JdbcClient jdbc;

	private final MediaLibrary media;

	DraftCheck(JdbcClient jdbc, MediaLibrary media) {
		this.jdbc = jdbc;
		this.media = media;
	}

	/**
	 * The draft as it may be stored, or every problem found at once.
	 * @param currentSlug the article's address so far, null for a new one
	 * @param publishedAt when it was first published, null if never
	 */
	Checked check(String edition, String currentSlug, Instant publishedAt, Draft draft) {
		Map<String, Text> errors = new LinkedHashMap<>();
		String headline = strip(draft.headline());
		if (headline.isEmpty()) {
			errors.put("headline", Text.of("draft.headlineRequired"));
		}
		else if (headline.length() > 300) {
			errors.put("headline", Text.of("draft.atMost", 300));
		}
		String lead = strip(draft.lead());
		if (lead.length() > 2000) {
			errors.put("lead", Text.of("draft.atMost", 2000));
		}
		Embeds.Normalized embedded = Embeds
			.normalize((draft.bodyHtml() != null) ? PlainText.clean(draft.bodyHtml()) : "");
		BodySanitizer.Result sanitized = BodySanitizer.check(embedded.html());
		String body = sanitized.html();
		if (body.length() > 500_000) {
			errors.put("bodyHtml", Text.of("draft.bodyTooLong"));
		}
		else if (!embedded.unknown().isEmpty()) {
			errors.put("bodyHtml", Text.of("draft.embedUnknown", String.join(", ", embedded.unknown())));
		}
		else if (!sanitized.lost().isEmpty()) {
			// CASE: pasted markup the site cannot show; say what, rather than drop it
			errors.put("bodyHtml", Text.of("draft.bodyRefused",
					String.join(", ", sanitized.lost().stream().map((tag) -> "<" + tag + ">").toList())));
		}
		Long sectionId = this.jdbc.sql("SELECT id FROM sections WHERE slug = :slug")
			.param("slug", strip(draft.sectionSlug()))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (sectionId == null) {
			errors.put("sectionSlug", Text.of("draft.chooseSection"));
		}
		List<Long> authorIds = new ArrayList<>();
		for (String slug : draft.authorSlugs()) {
			String wanted = strip(slug);
			if (wanted.isEmpty()) {
				continue;
			}
			Long authorId = this.jdbc.sql("SELECT id FROM authors WHERE slug = :slug")
				.param("slug", wanted)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (authorId == null) {
				errors.put("authorSlug", Text.of("draft.noAuthor"));
			}
			else if (authorIds.contains(authorId)) {
				errors.put("authorSlug", Text.of("draft.authorTwice"));
			}
			else {
				authorIds.add(authorId);
			}
		}
		if (authorIds.size() > MAX_AUTHORS) {
			errors.put("authorSlug", Text.of("draft.tooManyAuthors", MAX_AUTHORS));
		}
		List<String> tags = new ArrayList<>();
		for (String tag : (draft.tags() != null) ? draft.tags() : List.<String>of()) {
			String name = strip(tag);
			if (name.isEmpty()) {
				continue;
			}
			if (name.length() > 128 || Slugs.slugify(name).isEmpty()) {
				errors.put("tags", Text.of("draft.badTag", 128));
			}
			else if (tags.stream().noneMatch((t) -> Slugs.slugify(t).equals(Slugs.slugify(name)))) {
				tags.add(name);
			}
		}
		if (tags.size() > 20) {
			errors.put("tags", Text.of("draft.tooManyTags", 20));
		}
		String slug = strip(draft.slug());
		String newSlug = null;
		if (!slug.isEmpty() && (currentSlug == null || !slug.equals(currentSlug))) {
			if (publishedAt != null) {
				errors.put("slug", Text.of("draft.slugFixed"));
			}
			else if (!Slugs.isWellFormed(slug)) {
				errors.put("slug", Text.of("draft.badSlug", 80));
			}
			else if (this.jdbc.sql("SELECT COUNT(*) FROM articles WHERE edition = :ed AND slug = :slug")
				.param("ed", edition)
				.param("slug", slug)
				.query(Long.class)
				.single() > 0) {
				errors.put("slug", Text.of("draft.slugTaken"));
			}
			else {
				newSlug = slug;
			}
		}
		String source = strip(draft.sourceLine());
		if (source.length() > 300) {
			errors.put("sourceLine", Text.of("draft.atMost", 300));
		}
		String seo = strip(draft.seoDescription());
		if (seo.length() > 300) {
			errors.put("seoDescription", Text.of("draft.atMost", 300));
		}
		Long imageId = draft.leadImageId();
		if (imageId != null && this.media.find(imageId).isEmpty()) {
			errors.put("leadImage", Text.of("draft.noImage", Long.toString(imageId)));
		}
		String imageCaption = strip(draft.leadImageCaption());
		if (imageCaption.length() > 500) {
			errors.put("leadImageCaption", Text.of("draft.atMost", 500));
		}
		String imageCredit = strip(draft.leadImageCredit());
		if (imageCredit.length() > 200) {
			errors.put("leadImageCredit", Text.of("draft.atMost", 200));
		}
		if (!errors.isEmpty()) {
			throw new WorkflowException(Text.of("draft.notSaved"), errors);
		}
		return new Checked(headline, lead, body, (sectionId != null) ? sectionId : 0, List.copyOf(authorIds), tags,
				newSlug, source.isEmpty() ? null : source, seo.isEmpty() ? null : seo, imageId,
				(imageId == null || imageCaption.isEmpty()) ? null : imageCaption,
				(imageId == null || imageCredit.isEmpty()) ? null : imageCredit);
	}

	/** A correction note: only on published articles, and short. */
	static void checkCorrection(ArticleStatus status, String correction) {
		if (correction.isEmpty()) {
			return;
		}
		if (status != ArticleStatus.PUBLISHED) {
			throw new WorkflowException(Text.of("draft.correctionNotPublished"),
					Map.of("correction", Text.of("draft.field.onlyPublished")));
		}
		if (correction.length() > 1000) {
			throw new WorkflowException(Text.of("draft.correctionTooLong", 1000),
					Map.of("correction", Text.of("draft.atMost", 1000)));
		}
	}

	static String strip(String value) {
		return (value != null) ? PlainText.clean(value).strip() : "";
	}

	/** A draft that passed: stripped, resolved to ids. */
	record Checked(String headline, String lead, String bodyHtml, long sectionId, List<Long> authorIds,
			List<String> tags, String slug, String sourceLine, String seoDescription, Long leadImageId,
			String leadImageCaption, String leadImageCredit) {
	}

}
