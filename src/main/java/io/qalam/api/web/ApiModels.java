package io.qalam.api.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.qalam.content.ArticlePage;
import io.qalam.content.ArticleSummary;
import io.qalam.content.AuthorRef;
import io.qalam.content.TagRef;
import io.qalam.media.ImageView;

/** The shapes the content API answers with, as JSON. */
final class ApiModels {

	private ApiModels() {
	}

	record EditionJson(String code, String language, String name) {
	}

	record SectionJson(String slug, String name) {
	}

	record TagJson(String slug, String name) {
	}

	record AuthorJson(String slug, Map<String, String> names) {
	}

	/** A picture: its variants by width, largest last, and its caption and credit. */
	record ImageJson(long id, int width, int height, List<String> variants, String caption, String credit) {

		static ImageJson of(ImageView image, String caption, String credit) {
			if (image == null) {
				return null;
			}
			return new ImageJson(image.id(), image.width(), image.height(),
					image.variants().stream().map(image::url).toList(), caption, credit);
		}

	}

	record ArticleSummaryJson(long id, String edition, String path, String headline, String lead, Instant publishedAt,
			SectionJson section, ImageJson image) {

		static ArticleSummaryJson of(ArticleSummary a) {
			return new ArticleSummaryJson(a.id(), a.edition(), a.path(), a.headline(), a.lead(), a.publishedAt(),
					(a.section() != null) ? new SectionJson(a.section().slug(), a.section().name()) : null,
					(a.image() != null)
							? ImageJson.of(a.image(), a.image().caption(a.edition()), a.image().credit(a.edition()))
							: null);
		}

	}

	/**
	 * A list of articles.
	 *
	 * @param next the cursor of the following slice, or null at the end
	 */
	record ArticleListJson(List<ArticleSummaryJson> items, String next) {
	}

	/** An article whole; the body is sanitized HTML. */
	record ArticleJson(long id, long storyId, String edition, String path, String headline, String lead,
			String bodyHtml, String description, ImageJson leadImage, String sourceLine, Instant publishedAt,
			Instant updatedAt, SectionJson section, List<String> authors, List<TagJson> tags,
			Map<String, String> translations, List<ArticlePage.Correction> corrections) {

		static ArticleJson of(ArticlePage a) {
			return new ArticleJson(a.id(), a.storyId(), a.edition(), a.path(), a.headline(), a.lead(), a.bodyHtml(),
					a.description(),
					(a.leadImage() != null)
							? ImageJson.of(a.leadImage().image(), a.leadImage().caption(), a.leadImage().credit())
							: null,
					a.sourceLine(), a.publishedAt(), a.updatedAt(),
					new SectionJson(a.section().slug(), a.section().name()),
					a.authors().stream().map(AuthorRef::name).toList(),
					a.tags().stream().map((TagRef t) -> new TagJson(t.slug(), t.name())).toList(),
					a.translations()
						.stream()
						.collect(java.util.stream.Collectors.toMap(ArticlePage.Translation::edition,
								ArticlePage.Translation::path, (x, y) -> x, java.util.LinkedHashMap::new)),
					a.corrections());
		}

	}

	record SearchJson(long total, int page, int pages, List<HitJson> hits) {
	}

	record HitJson(long id, String path, String section, Instant publishedAt, String headline) {
	}

	record ErrorJson(String error) {
	}

}
