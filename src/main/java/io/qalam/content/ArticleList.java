package io.qalam.content;

import java.util.List;

/** One page of a list of published articles; pages count from 1. */
public record ArticleList(List<ArticleSummary> items, int page, int totalPages) {

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < this.totalPages;
	}

}
