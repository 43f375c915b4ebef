package io.qalam.content;

import io.qalam.media.ImageSlots;
import io.qalam.media.ImageView;

import org.springframework.web.util.HtmlUtils;

/**
 * A picture of the media library as a figure in a text, as the editor writes it: its WebP
 * and JPEG variants for the text's column, the caption as its description.
 */
final class Figures {

	private Figures() {
	}

	static String image(ImageView image, String caption) {
		String alt = HtmlUtils.htmlEscape(caption, "UTF-8");
		String img = "<img src=\"" + image.url(960) + "\" srcset=\"" + image.srcset() + "\" sizes=\"" + ImageSlots.BODY
				+ "\" width=\"960\" height=\"" + image.heightAt(960) + "\" alt=\"" + alt
				+ "\" loading=\"lazy\" decoding=\"async\">";
		if (image.webp()) {
			img = "<picture><source type=\"image/webp\" srcset=\"" + image.webpSrcset() + "\" sizes=\""
					+ ImageSlots.BODY + "\">" + img + "</picture>";
		}
		return "<figure class=\"image\">" + img + (alt.isEmpty() ? "" : "<figcaption>" + alt + "</figcaption>")
				+ "</figure>";
	}

}
