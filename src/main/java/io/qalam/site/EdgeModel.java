package io.qalam.site;

import java.util.List;

import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code site/edge.jte}.
 *
 * @param waiting purges not yet taken by every edge, waiting to be sent again
 */
public record EdgeModel(NewsroomLayout layout, List<Row> edges, long waiting) {

	/**
	 * One edge as this node purged it: times already written for the reader, null for
	 * never.
	 */
	public record Row(String address, String lastSuccess, String lastFailure, String lastError, int failuresInARow) {

		public boolean failing() {
			return this.failuresInARow > 0;
		}

	}

}
