package io.qalam.search.web;

import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.search.SearchIndex;

/**
 * The newsroom search index page.
 *
 * @param sizes articles per edition's index
 * @param finishedAt when the last rebuild finished, formatted, or null
 * @param pending index tasks waiting
 */
public record SearchIndexModel(NewsroomLayout layout, Map<String, Integer> sizes, SearchIndex.Rebuild rebuild,
		String finishedAt, int pending) {

	/** How far the running rebuild has come, in percent. */
	public int percent() {
		return (this.rebuild.total() == 0) ? 100 : (int) (100L * this.rebuild.indexed() / this.rebuild.total());
	}

}
