package io.qalam.media;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stored image as pages show it.
 *
 * @param width width of the original
 * @param height height of the original
 * @param variants the widths available, smallest first
 * @param captions the caption and credit by edition code, for the editions that have them
 * (an article may give its own)
 * @param focusX where the subject is, in percent from the left (50: the middle)
 * @param focusY where the subject is, in percent from the top
 * @param webp whether every variant is there as WebP too, beside the JPEG
 */
public record ImageView(long id, int width, int height, String format, List<Integer> variants,
		Map<String, Caption> captions, int focusX, int focusY, boolean webp) {

	private static final Caption NONE = new Caption("", "");

	public ImageView {
		variants = List.copyOf(variants);
		captions = Map.copyOf(captions);
	}

	/** The words an edition gives an image; both empty where it gives none. */
	public record Caption(String caption, String credit) {

		public boolean isEmpty() {
			return this.caption.isEmpty() && this.credit.isEmpty();
		}

	}

	/** The image's caption in an edition; empty where that edition has none. */
	public String caption(String edition) {
		return this.captions.getOrDefault(edition, NONE).caption();
	}

	/** The image's credit in an edition; empty where that edition has none. */
	public String credit(String edition) {
		return this.captions.getOrDefault(edition, NONE).credit();
	}

	/**
	 * The classes that keep the focal point in view where a slot crops the image (to the
	 * nearest 10%): the public CSP allows no style attribute, so the stylesheets map
	 * {@code fx-30} to {@code --fx: 30%}.
	 */
	public String focusClasses() {
		return "fx-" + tens(this.focusX) + " fy-" + tens(this.focusY);
	}

	private static int tens(int percent) {
		return Math.round(percent / 10f) * 10;
	}

	/** The address of the variant closest to, and not smaller than, {@code wanted}. */
	public String url(int wanted) {
		int chosen = this.variants.get(this.variants.size() - 1);
		for (int w : this.variants) {
			if (w >= wanted) {
				chosen = w;
				break;
			}
		}
		return path(chosen);
	}

	/** A {@code srcset} value listing every variant. */
	public String srcset() {
		return srcset(this.format);
	}

	/** A {@code srcset} value listing every WebP variant; only where {@link #webp()}. */
	public String webpSrcset() {
		return srcset("webp");
	}

	private String srcset(String extension) {
		return this.variants.stream().map((w) -> path(w, extension) + " " + w + "w").collect(Collectors.joining(", "));
	}

	/** Height of the variant at {@code atWidth}, keeping the aspect ratio. */
	public int heightAt(int atWidth) {
		return Math.round((float) this.height * atWidth / this.width);
	}

	/** The largest variant's width. */
	public int largest() {
		return this.variants.get(this.variants.size() - 1);
	}

	private String path(int w) {
		return path(w, this.format);
	}

	private String path(int w, String extension) {
		return "/media/" + this.id + "/" + w + "." + extension;
	}

}
