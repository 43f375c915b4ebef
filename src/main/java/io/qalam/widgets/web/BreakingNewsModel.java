package io.qalam.widgets.web;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.widgets.BreakingNews;

/**
 * The model of {@code widgets/breaking.jte}.
 *
 * @param failed the edition whose form was refused, or null; {@code errors} are its
 * fields'
 */
public record BreakingNewsModel(NewsroomLayout layout, List<Card> cards, Text notice, Text error, String failed,
		Map<String, Text> errors) {

	public Text error(String field) {
		return this.errors.get(field);
	}

	/**
	 * One edition's banner and its form.
	 *
	 * @param current the banner shown now, or null
	 * @param setAt when it was set, as the newsroom reads times
	 * @param text what the form holds: as typed when refused, else the current banner's
	 * @param link likewise
	 */
	public record Card(String edition, BreakingNews.Banner current, String setAt, String text, String link) {
	}

}
