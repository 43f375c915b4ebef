package io.qalam.search;

import java.time.Instant;

/**
 * One search, already checked: the words as typed, the filters and the page.
 *
 * @param words what the reader typed, searched as plain words (never as query syntax)
 * @param section a section slug, or null for all sections
 * @param from the earliest publication time, or null
 * @param until the latest publication time (exclusive), or null
 * @param page the page, from 1
 */
public record SearchRequest(String words, String section, Instant from, Instant until, Order order, int page) {

	/** How results are ordered. */
	public enum Order {

		/** Best match first, newer first among equals. */
		RELEVANCE,

		/** Newest first. */
		DATE

	}

}
