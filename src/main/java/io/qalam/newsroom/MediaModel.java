package io.qalam.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.qalam.media.ImageView;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/media.jte}: the library's search results and the upload
 * form.
 *
 * @param query the search words as typed
 * @param page the page shown, from 1
 * @param caption the upload form's caption as typed (kept when an upload is refused)
 * @param credit the upload form's credit as typed
 * @param maxMegabytes the largest upload accepted
 */
public record MediaModel(NewsroomLayout layout, String query, List<ImageView> images, long total, int page,
		int pageSize, Text error, Text notice, String caption, String credit, long maxMegabytes) {

	/** The address of another page of the same search. */
	public String pageHref(int number) {
		return "/newsroom/media?q=" + URLEncoder.encode(this.query, StandardCharsets.UTF_8) + "&page=" + number;
	}

	public boolean hasNext() {
		return (long) this.page * this.pageSize < this.total;
	}

}
