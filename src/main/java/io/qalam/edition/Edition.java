package io.qalam.edition;

import java.util.Locale;

/**
 * One edition of the site: a language version with its own articles, tags and interface
 * text.
 *
 * @param code the path segment and identifier, e.g. {@code ru}
 * @param locale the locale of its interface text and dates
 * @param name the edition's name in its own language, shown in the language switcher
 * @param telegramChannel the public address of the edition's Telegram channel
 */
public record Edition(String code, Locale locale, String name, String telegramChannel) {

	/** The language tag for {@code <html lang>} and {@code hreflang}, e.g. {@code ru}. */
	public String language() {
		return this.locale.getLanguage();
	}

}
