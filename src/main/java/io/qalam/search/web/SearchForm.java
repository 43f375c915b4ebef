package io.qalam.search.web;

/**
 * The search form as the reader filled it in (blank fields as null).
 *
 * @param sort {@code relevance} or {@code date}
 */
public record SearchForm(String q, String section, String from, String to, String sort) {
}
