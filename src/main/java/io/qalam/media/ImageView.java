package io.qalam.media;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stored image as pages show it.
 *
 * @param width width of the original
 * @param height height of the original
 * @param variants the widths available, smallest first
 * @param caption default caption (an article may give its own)
 * @param credit default credit line (an article may give its own)
 */
public record ImageView(long id, int width, int height, String format, List<Integer> variants, String caption,
		String credit) {

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
		return this.variants.stream().map((w) -> path(w) + " " + w + "w").collect(Collectors.joining(", "));
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
		return "/media/" + this.id + "/" + w + "." + this.format;
	}

}
