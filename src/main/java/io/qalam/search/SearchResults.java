package io.qalam.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many articles match in all
 * @param page the page shown, from 1
 * @param pages how many pages there are to show (capped, see {@link EditionIndex})
 * @param hits the articles of this page, in order
 */
public record SearchResults(long total, int page, int pages, List<Hit> hits) {

	static final SearchResults NONE = new SearchResults(0, 1, 0, List.of());

	/**
	 * A found article with its highlighted headline and a snippet around the matching
	 * words.
	 */
	public record Hit(long id, String path, String sectionSlug, Instant publishedAt, Highlighted headline,
			Highlighted snippet) {
	}

	/**
	 * Text with marked words, in parts so that templates escape every part as usual.
	 */
	public record Highlighted(List<Part> parts) {

		static Highlighted plain(String text) {
			return new Highlighted(List.of(new Part(text, false)));
		}

		/** The whole text without marks. */
		public String text() {
			StringBuilder text = new StringBuilder();
			this.parts.forEach((part) -> text.append(part.text()));
			return text.toString();
		}

	}

	/** A piece of text; {@code marked} when it matched the query. */
	public record Part(String text, boolean marked) {
	}

}
