package io.qalam.newsroom;

import java.util.List;
import java.util.Map;

import io.qalam.content.ArticleStatus;
import io.qalam.content.AuthorRef;
import io.qalam.content.Revision;
import io.qalam.content.SectionRef;
import io.qalam.media.ImageView;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/editor.jte}.
 *
 * @param id the article, or null for a new one
 * @param status the article's status, or null for a new one
 * @param version the version the form was loaded at; sent back with every save (not
 * shown: editors see the revision number)
 * @param revision the number of the latest revision, as the history counts them
 * @param errors form field to message
 * @param conflict the latest revision when a save was refused as stale, or null
 * @param actions the buttons this user may press now
 * @param publicPath the article's public address, when it is published
 * @param translations the story's versions in other editions: edition code to article id
 * @param translateInto the editions the story has no version in yet
 * @param previewPath the signed preview address, or null for a new article
 * @param alsoEditing the other newsroom users who have this article open now
 * @param tagSuggestions the edition's most used tags
 * @param leadImage the lead image the form has chosen, or null
 * @param recentImages the newest images of the media library, to choose from
 * @param embargo until when readers may not see the article, as the newsroom reads it, or
 * null
 * @param deletable whether this user may delete the article (an editor, a draft never
 * published)
 * @param choices for a new article: what each edition offers, so that switching the
 * edition re-offers its sections, bylines and tags at once; empty for an existing one
 * @param addressPrefix the public address before the slug, as if published today
 * @param proposedSlug the slug the address would get now
 */
public record EditorModel(NewsroomLayout layout, Long id, String edition, ArticleStatus status, int version,
		int revision, EditorForm form, List<String> editions, List<SectionRef> sections, List<AuthorRef> authors,
		Map<String, Text> errors, Text message, Text notice, Revision conflict, List<Action> actions, String publicPath,
		String owner, Map<String, Long> translations, List<String> translateInto, String previewPath,
		List<String> alsoEditing, String embargo, List<String> tagSuggestions, ImageView leadImage,
		List<ImageView> recentImages, boolean deletable, Map<String, Choices> choices, String addressPrefix,
		String proposedSlug) {

	/**
	 * A button of the editor: the {@code action} value it posts, its label, and whether
	 * it is the one action the bar offers first.
	 */
	public record Action(String value, Text label, boolean primary) {
	}

	/** What an edition offers a new article. */
	public record Choices(List<SectionRef> sections, List<AuthorRef> authors, List<String> tags, String addressPrefix) {
	}

	/**
	 * The byline's places: the chosen authors in order, then empty places, at least three
	 * and one more than chosen, at most five.
	 */
	public List<String> bylinePlaces() {
		List<String> places = new java.util.ArrayList<>(this.form.authors());
		while (places.size() < Math.min(5, Math.max(3, this.form.authors().size() + 1))) {
			places.add("");
		}
		return places;
	}

	/** Whether the bar has this action (its fields are shown only then). */
	public boolean offers(String action) {
		return this.actions.stream().anyMatch((a) -> a.value().equals(action));
	}

	public Text error(String field) {
		return this.errors.get(field);
	}

}
