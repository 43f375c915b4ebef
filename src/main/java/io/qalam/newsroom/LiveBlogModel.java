package io.qalam.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.content.ArticleStatus;
import io.qalam.content.EditableArticle;
import io.qalam.content.LiveBlogs;
import io.qalam.content.LiveEntry;
import io.qalam.media.ImageView;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/live.jte}.
 *
 * @param coverage null while the article is not a live blog
 * @param entries the newest entries, newest first
 * @param pictures the newest pictures of the media library, to choose one for an entry
 * @param correcting the entry whose correction form is open, or null
 * @param typed what the open form holds: a new entry's, or the corrected entry's
 * @param editor whether the user may start, end, pin, correct and send entries to
 * Telegram (editors and admins)
 * @param shared when an editor sent each entry that was sent to Telegram
 */
public record LiveBlogModel(NewsroomLayout layout, EditableArticle article, LiveBlogs.Coverage coverage,
		List<LiveEntry> entries, List<ImageView> pictures, Text notice, Text error, Map<String, Text> errors,
		Long correcting, LiveBlogs.EntryDraft typed, boolean editor, Map<Long, Instant> shared) {

	public Text error(String field) {
		return this.errors.get(field);
	}

	/**
	 * Whether entries may go to Telegram: the article is public, so their posts link
	 * somewhere.
	 */
	public boolean shareable() {
		return this.editor && this.article.status() == ArticleStatus.PUBLISHED;
	}

	public boolean running() {
		return this.coverage != null && !this.coverage.ended();
	}

}
