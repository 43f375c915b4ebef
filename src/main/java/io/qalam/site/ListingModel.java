package io.qalam.site;

import io.qalam.media.ImageView;

import io.qalam.content.ArticleList;
import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code site/listing.jte} (section, tag and author pages).
 *
 * @param intro text under the heading (an author's biography), or null
 * @param basePath the list's address without page number
 * @param photo an author's photo, or null
 * @param calendar this month of a section's archive, or null
 */
public record ListingModel(PublicLayout layout, String heading, String intro, ArticleList list, String basePath,
		ImageView photo, MonthCalendar calendar) {

	/** The address of another page of this list. */
	public String pageLink(int page) {
		return pageLink(this.basePath, page);
	}

	/**
	 * The address of page {@code page} of the list at {@code basePath}; page 1 has no
	 * number.
	 */
	static String pageLink(String basePath, int page) {
		return (page > 1) ? basePath + (basePath.contains("?") ? "&" : "?") + "page=" + page : basePath;
	}

}
