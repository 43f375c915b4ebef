package io.qalam.media;

/**
 * The {@code sizes} of each place a public page shows an image: how wide the image is
 * drawn at each viewport, as {@code site.css} lays the page out. The browser picks the
 * variant from it, so a wrong value means a blurry picture or a wasted download; the
 * browser test {@code ResponsiveImagesBrowserTests} measures each slot against it. Here
 * rather than in {@code site}: the editor writes the text's images, with their sizes.
 */
public final class ImageSlots {

	/**
	 * The width of the main column: the page is 72rem at most with 1rem padding, and from
	 * 60rem a sidebar of 18rem with a 2rem gap.
	 */
	public static final String MAIN = "(min-width: 72rem) 50rem, (min-width: 60rem) calc(100vw - 22rem), "
			+ "calc(100vw - 2rem)";

	/** A teaser: half the main column (1.25rem gap) from 36rem, all of it below. */
	public static final String TEASER = "(min-width: 72rem) 24.4rem, (min-width: 60rem) calc(50vw - 11.6rem), "
			+ "(min-width: 36rem) calc(50vw - 1.6rem), calc(100vw - 2rem)";

	/** An image in the text: the text's column, 42rem at most. */
	public static final String BODY = "(min-width: 60rem) min(42rem, calc(100vw - 22rem)), "
			+ "min(42rem, calc(100vw - 2rem))";

	/** A gallery's image: 62% of the text's column from 48rem, 85% below. */
	public static final String GALLERY = "(min-width: 60rem) min(26rem, calc(62vw - 13.6rem)), (min-width: 48rem) 26rem, "
			+ "min(35.7rem, calc(85vw - 1.7rem))";

	private ImageSlots() {
	}

}
