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
	 * The width of the main column: the page is 80rem at most with 1rem padding, and from
	 * 60rem a sidebar of 18rem with a 2rem gap.
	 */
	public static final String MAIN = "(min-width: 80rem) 58rem, (min-width: 60rem) calc(100vw - 22rem), "
			+ "calc(100vw - 2rem)";

	/**
	 * The home page's lead story: the main column, less the latest-news column (18rem and
	 * a 1.5rem gap) beside it from 72rem.
	 */
	public static final String HOME_LEAD = "(min-width: 80rem) 38.5rem, (min-width: 72rem) calc(100vw - 41.5rem), "
			+ "(min-width: 60rem) calc(100vw - 22rem), calc(100vw - 2rem)";

	/**
	 * The stories under the lead: three across the lead's width (1rem gaps) from 40rem, a
	 * 7rem picture beside the headline below.
	 */
	public static final String SECONDARY = "(min-width: 80rem) 12.2rem, (min-width: 72rem) calc(33.3vw - 14.5rem), "
			+ "(min-width: 60rem) calc(33.3vw - 8rem), (min-width: 40rem) calc(33.3vw - 1.4rem), 7rem";

	/**
	 * A teaser card (a section's block, "read also"): half the main column (1.5rem gap)
	 * from 40rem, all of it below.
	 */
	public static final String TEASER = "(min-width: 80rem) 28.25rem, (min-width: 60rem) calc(50vw - 11.75rem), "
			+ "(min-width: 40rem) calc(50vw - 1.75rem), calc(100vw - 2rem)";

	/** A small picture beside a headline ("read also" under an article). */
	public static final String SMALL = "8rem";

	/** A list's row (section, tag, author, day pages): the picture beside the text. */
	public static final String THUMB = "(min-width: 40rem) 14rem, 7rem";

	/** An image in the text: the text's column, 42rem at most. */
	public static final String BODY = "(min-width: 60rem) min(42rem, calc(100vw - 22rem)), "
			+ "min(42rem, calc(100vw - 2rem))";

	/** A gallery's image: 62% of the text's column from 48rem, 85% below. */
	public static final String GALLERY = "(min-width: 60rem) min(26rem, calc(62vw - 13.6rem)), (min-width: 48rem) 26rem, "
			+ "min(35.7rem, calc(85vw - 1.7rem))";

	private ImageSlots() {
	}

}
