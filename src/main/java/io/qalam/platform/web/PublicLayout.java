package io.qalam.platform.web;

import java.util.List;

/**
 * The model of the public layout ({@code layout/public.jte}): everything around a page's
 * own content — head metadata, navigation, language switcher, widgets and footer.
 *
 * @param lang the {@code <html lang>} value
 * @param editionCode the edition's code, e.g. {@code ru}
 * @param homePath the edition's home, e.g. {@code /ru/}
 * @param title the full {@code <title>}
 * @param description the meta description (may be null)
 * @param canonicalUrl absolute canonical address (null for error pages)
 * @param alternates hreflang alternates, the page itself included
 * @param languages the language switcher's links
 * @param nav the section navigation
 * @param social Open Graph and Twitter card data (null for pages without)
 * @param jsonLd structured data, already serialized (null for none)
 * @param telegramChannel the edition's Telegram channel
 * @param noindex whether search engines should skip the page (error pages)
 * @param year the current year, for the copyright line
 * @param ratesSlot where the rates widget goes (a {@link SlotMarkers} marker)
 * @param weatherSlot where the weather widget goes: the reader's city, or the edition's
 * default city
 * @param breakingSlot where the edition's breaking-news banner goes
 * @param mostReadSlot where the edition's "most read" list goes
 * @param dateSlot where today's date goes in the masthead: a slot, so that a page kept
 * overnight shows the new day
 * @param fontPaths the site's web fonts, loaded early (the headlines are set in them)
 */
public record PublicLayout(String lang, String editionCode, String siteName, String homePath, String title,
		String description, String canonicalUrl, List<Link> alternates, List<Link> languages, List<Link> nav,
		SocialCard social, String jsonLd, String telegramChannel, boolean noindex, int year, Messages messages,
		Dates dates, String ratesSlot, String weatherSlot, String breakingSlot, String mostReadSlot, String dateSlot,
		List<String> fontPaths, String cssPath, String jsPath) {

	/**
	 * A link with a label; {@code lang} is set for hreflang and language links,
	 * {@code current} marks the page the reader is on.
	 */
	public record Link(String label, String href, String lang, boolean current) {
	}

	/**
	 * Open Graph and Twitter card data.
	 *
	 * @param type {@code article} or {@code website}
	 * @param imageUrl absolute image address, or null
	 * @param publishedTime ISO time for articles, or null
	 * @param modifiedTime ISO time for articles, or null
	 */
	public record SocialCard(String type, String title, String description, String url, String imageUrl,
			Integer imageWidth, Integer imageHeight, String imageAlt, String publishedTime, String modifiedTime,
			String section) {
	}

}
