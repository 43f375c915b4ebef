package io.qalam.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.qalam.media.ImageView;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/media.jte}: the library's search results and the upload
 * form.
 *
 * @param edition the edition whose captions are shown and changed
 * @param editions every edition's code, for the switch between them
 * @param query the search words as typed
 * @param page the page shown, from 1
 * @param caption the upload form's caption as typed (kept when an upload is refused)
 * @param credit the upload form's credit as typed
 * @param maxMegabytes the largest upload accepted
 */
public record MediaModel(NewsroomLayout layout, String edition, List<String> editions, String query,
		List<ImageView> images, long total, int page, int pageSize, Text error, Text notice, String caption,
		String credit, long maxMegabytes) {

	/** The address of another page of the same search. */
	public String pageHref(int number) {
		return "/newsroom/media?edition=" + this.edition + "&q=" + URLEncoder.encode(this.query, StandardCharsets.UTF_8)
				+ "&page=" + number;
	}

	/** The address of the same search in another edition's words. */
	public String editionHref(String code) {
		return "/newsroom/media?edition=" + code + "&q=" + URLEncoder.encode(this.query, StandardCharsets.UTF_8);
	}

	/** The other editions' captions of an image, to translate from. */
	public List<Map.Entry<String, ImageView.Caption>> otherCaptions(ImageView image) {
		return this.editions.stream()
			.filter((code) -> !code.equals(this.edition) && image.captions().containsKey(code))
			.map((code) -> Map.entry(code, image.captions().get(code)))
			.toList();
	}

	public boolean hasNext() {
		return (long) this.page * this.pageSize < this.total;
	}

}
