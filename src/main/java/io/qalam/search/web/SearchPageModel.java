package io.qalam.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.qalam.platform.web.PublicLayout;
import io.qalam.search.SearchResults;

/**
 * The search page's model.
 *
 * @param sections the edition's sections, slug to name, for the filter
 * @param errors filters that could not be understood
 * @param notice a message in place of results (nothing found, query too long)
 * @param results the results, or null when nothing was searched
 */
public record SearchPageModel(PublicLayout layout, SearchForm form, Map<String, String> sections, List<String> errors,
		String notice, SearchResults results) {

	/** The address of another page of the same search. */
	public String pageLink(int page) {
		StringBuilder link = new StringBuilder("/").append(this.layout.editionCode()).append("/search?q=");
		link.append(encode(this.form.q()));
		append(link, "section", this.form.section());
		append(link, "from", this.form.from());
		append(link, "to", this.form.to());
		if (this.form.sort().equals("date")) {
			append(link, "sort", "date");
		}
		if (page > 1) {
			append(link, "page", Integer.toString(page));
		}
		return link.toString();
	}

	/** The section's name in this edition, or the slug if it is gone. */
	public String sectionName(String slug) {
		return this.sections.getOrDefault(slug, slug);
	}

	private static void append(StringBuilder link, String name, String value) {
		if (value != null) {
			link.append('&').append(name).append('=').append(encode(value));
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
