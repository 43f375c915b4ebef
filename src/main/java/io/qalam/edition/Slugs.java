package io.qalam.edition;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a headline or name in any of our languages into a URL slug: lowercase ASCII,
 * words joined by {@code -}, at most {@value #MAX_LENGTH} characters. Russian letters
 * follow the table in DESIGN.md; Kazakh letters are folded from the 2021 Latin alphabet;
 * other scripts are decomposed and their accents dropped.
 */
public final class Slugs {

	/** Longest slug, clash suffixes ({@code -2}) included. */
	public static final int MAX_LENGTH = 80;

	private static final Pattern WELL_FORMED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('а', "a"), Map.entry('б', "b"),
			Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"),
			Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
			Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
			Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
			Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
			Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
			Map.entry('ю', "yu"), Map.entry('я', "ya"),
			// Kazakh letters, folded from the 2021 Latin alphabet
			Map.entry('ә', "a"), Map.entry('ғ', "g"), Map.entry('қ', "q"), Map.entry('ң', "n"), Map.entry('ө', "o"),
			Map.entry('ұ', "u"), Map.entry('ү', "u"), Map.entry('һ', "h"), Map.entry('і', "i"),
			// Latin letters that Unicode does not decompose
			Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"), Map.entry('ł', "l"),
			Map.entry('đ', "d"), Map.entry('þ', "th"));

	private Slugs() {
	}

	/**
	 * The slug for a text; empty when the text has no letters or digits we can spell in
	 * ASCII.
	 */
	public static String slugify(String text) {
		String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		StringBuilder latin = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			String mapped = LETTERS.get(c);
			latin.append(mapped != null ? mapped : String.valueOf(c));
		}
		String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		StringBuilder slug = new StringBuilder(ascii.length());
		boolean pendingDash = false;
		for (int i = 0; i < ascii.length(); i++) {
			char c = ascii.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (pendingDash && slug.length() > 0) {
					slug.append('-');
				}
				slug.append(c);
				pendingDash = false;
			}
			else if (c != '\'' && c != '’') {
				// CASE: apostrophes join a word ("don't" -> "dont"); anything else
				// separates
				pendingDash = true;
			}
		}
		return truncate(slug.toString(), MAX_LENGTH);
	}

	/**
	 * Cuts a slug to a length at a word boundary where there is one, never leaving a
	 * trailing dash.
	 */
	public static String truncate(String slug, int maxLength) {
		if (slug.length() <= maxLength) {
			return slug;
		}
		String cut = slug.substring(0, maxLength);
		int lastDash = cut.lastIndexOf('-');
		if (lastDash > maxLength / 2) {
			cut = cut.substring(0, lastDash);
		}
		while (cut.endsWith("-")) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut;
	}

	/** Whether a string is a well-formed slug (used to reject malformed paths early). */
	public static boolean isWellFormed(String slug) {
		return slug != null && slug.length() <= MAX_LENGTH && WELL_FORMED.matcher(slug).matches();
	}

}
