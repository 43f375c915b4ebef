package io.qalam.analytics.web;

import java.util.List;

import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code analytics/article.jte}: one article's views per hour over the last
 * days, drawn on the server, and where its readers came from.
 *
 * @param total views over the chart's hours
 * @param bars one per hour with views, oldest first
 * @param marks the chart's day lines (Almaty midnights) with their dates
 * @param days views per day, newest first: the chart as text
 */
public record ArticleAudienceModel(NewsroomLayout layout, long id, String edition, String headline, long total,
		long peak, int width, int height, List<Bar> bars, List<Mark> marks, List<Day> days,
		List<AudienceModel.Share> sources) {

	public record Bar(int x, int y, int height, String title) {
	}

	public record Mark(int x, String label) {
	}

	public record Day(String day, long views) {
	}

}
