package io.qalam.analytics.web;

import java.util.List;

import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code analytics/audience.jte}: today's most viewed articles and where
 * today's readers came from.
 *
 * @param day today, as the newsroom reads dates
 */
public record AudienceModel(NewsroomLayout layout, String day, long total, List<Top> top, List<Share> sources) {

	/** One article of the list, with its views today. */
	public record Top(long id, String edition, String headline, String status, long views) {
	}

	/**
	 * Views from one class of source.
	 *
	 * @param percent of all views, rounded
	 */
	public record Share(String source, long views, long percent) {
	}

}
