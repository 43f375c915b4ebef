package io.qalam.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WordPress export says about its site before its items.
 *
 * @param baseUrl the blog's address ({@code wp:base_blog_url}), or the site's
 * @param categories with their parents, slugs decoded
 * @param translationGroups Polylang's groups: each group's slug to its posts by language
 */
public record WxrSite(String title, String baseUrl, List<Author> authors, List<Term> categories, List<Term> tags,
		Map<String, Map<String, Long>> translationGroups) {

	/** An author of the site; the byline imports their display name. */
	public record Author(String login, String displayName, String firstName, String lastName) {
	}

	/**
	 * A category or a tag.
	 *
	 * @param parent the parent category's slug, or empty
	 */
	public record Term(String slug, String name, String parent) {
	}

	static final class Builder {

		private String title = "";

		private String siteUrl = "";

		private String blogUrl = "";

		private final List<Author> authors = new ArrayList<>();

		private final List<Term> categories = new ArrayList<>();

		private final List<Term> tags = new ArrayList<>();

		private final Map<String, Map<String, Long>> groups = new LinkedHashMap<>();

		void title(String title) {
			this.title = title;
		}

		void baseUrl(boolean blog, String url) {
			if (blog) {
				this.blogUrl = url;
			}
			else {
				this.siteUrl = url;
			}
		}

		void author(Author author) {
			this.authors.add(author);
		}

		void category(Term term) {
			this.categories.add(term);
		}

		void tag(Term term) {
			this.tags.add(term);
		}

		void translationGroup(String slug, Map<String, Long> members) {
			this.groups.put(slug, Map.copyOf(members));
		}

		WxrSite build() {
			return new WxrSite(this.title, this.blogUrl.isEmpty() ? this.siteUrl : this.blogUrl,
					List.copyOf(this.authors), List.copyOf(this.categories), List.copyOf(this.tags),
					Map.copyOf(this.groups));
		}

	}

}
