package io.qalam.platform;

/**
 * Text as people typed it, without what no person means to type: the control characters
 * XML 1.0 forbids (they made feeds and sitemaps malformed) and the bidirectional
 * overrides that make text read differently from how it is stored. Tabs and line breaks
 * stay. Applied to every text field when it is saved, and to every text written into XML.
 */
public final class PlainText {

	private PlainText() {
	}

	/** The text without forbidden characters; null stays null. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		int first = firstForbidden(text);
		if (first < 0) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		kept.append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				kept.append(c).append(text.charAt(++i));
			}
			else if (!forbidden(c)) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	private static int firstForbidden(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (forbidden(c)) {
				return i;
			}
		}
		return -1;
	}

	// A lone surrogate is forbidden too: pairs are passed over before this is asked
	private static boolean forbidden(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == 0xFFFE
				|| c == 0xFFFF || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

}
