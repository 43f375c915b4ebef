package io.qalam.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of a WordPress export: a post, a page, an attachment or something the importer
 * leaves alone (menu items, custom types), as WordPress wrote it.
 *
 * @param id WordPress's post id
 * @param type {@code post}, {@code page}, {@code attachment}, …
 * @param status {@code publish}, {@code future}, {@code draft}, {@code pending},
 * {@code private}, {@code trash}, {@code inherit} (attachments)
 * @param slug the post's name, percent-encoding decoded
 * @param link its permalink on the old site
 * @param publishedAt its date in UTC ({@code post_date_gmt}), or null for a draft never
 * dated
 * @param localDate its date as written on the site ({@code post_date}), for drafts
 * without a UTC date
 * @param content the body as WordPress stored it (blocks, shortcodes, HTML), or null when
 * it was too long to read ({@link #problem()} says so)
 * @param categories the slugs of its categories
 * @param tags its tags: slug and name
 * @param language Polylang's language slug (or WPML's language code), or empty
 * @param translationGroup Polylang's translation group slug (or WPML's group, as
 * {@code wpml-…}), or empty
 * @param meta its custom fields (the last value of each key)
 * @param attachmentUrl for an attachment, where WordPress kept the file
 * @param problem why the item cannot be imported as it is, or null
 */
public record WxrItem(long id, String type, String status, String title, String slug, String link, String guid,
		Instant publishedAt, String localDate, boolean sticky, String creator, String content, String excerpt,
		long parent, List<String> categories, List<WxrSite.Term> tags, String language, String translationGroup,
		Map<String, String> meta, String attachmentUrl, String problem) {

	static final class Builder {

		private final Map<String, String> wordpress = new HashMap<>();

		private final Map<String, String> rss = new HashMap<>();

		private final List<String> categories = new ArrayList<>();

		private final List<WxrSite.Term> tags = new ArrayList<>();

		private final Map<String, String> meta = new HashMap<>();

		private String language = "";

		private String group = "";

		private String creator = "";

		private String content = "";

		private String excerpt = "";

		private String problem;

		void wordpress(String name, String value) {
			this.wordpress.put(name, value);
		}

		void rss(String name, String value) {
			this.rss.put(name, value);
		}

		void term(String domain, String slug, String name) {
			switch ((domain != null) ? domain : "") {
				case "category" -> this.categories.add(slug);
				case "post_tag" -> this.tags.add(new WxrSite.Term(slug, name, ""));
				case "language" -> this.language = slug;
				case "post_translations" -> this.group = slug;
				default -> {
				}
			}
		}

		void creator(String creator) {
			this.creator = creator;
		}

		void content(String content) {
			this.content = content;
		}

		void excerpt(String excerpt) {
			this.excerpt = excerpt;
		}

		void meta(String key, String value) {
			this.meta.put(key, value);
		}

		void problem(String problem) {
			this.problem = problem;
			this.content = null;
		}

		WxrItem build() {
			// WPML's export (WPML Export and Import) keeps both in custom fields
			if (this.language.isEmpty()) {
				this.language = this.meta.getOrDefault("_wpml_import_language_code", "").strip();
			}
			if (this.group.isEmpty() && !this.meta.getOrDefault("_wpml_import_translation_group", "").isBlank()) {
				this.group = "wpml-" + this.meta.get("_wpml_import_translation_group").strip();
			}
			long id = number(this.wordpress.get("post_id"));
			if (id <= 0 && this.problem == null) {
				this.problem = "it has no post id";
			}
			return new WxrItem(id, this.wordpress.getOrDefault("post_type", ""),
					this.wordpress.getOrDefault("status", ""), this.rss.getOrDefault("title", ""),
					WxrReader.decoded(this.wordpress.getOrDefault("post_name", "")), this.rss.getOrDefault("link", ""),
					this.rss.getOrDefault("guid", ""), WxrReader.gmt(this.wordpress.get("post_date_gmt")),
					this.wordpress.getOrDefault("post_date", ""), "1".equals(this.wordpress.get("is_sticky")),
					this.creator, this.content, this.excerpt, Math.max(0, number(this.wordpress.get("post_parent"))),
					List.copyOf(this.categories), List.copyOf(this.tags), this.language, this.group,
					Map.copyOf(this.meta), this.wordpress.getOrDefault("attachment_url", ""), this.problem);
		}

		private static long number(String value) {
			try {
				return (value != null) ? Long.parseLong(value.strip()) : 0;
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

	}

}
