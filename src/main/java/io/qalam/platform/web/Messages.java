package io.qalam.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Interface text in one edition's language, looked up in its message bundle. A missing
 * key fails loudly (a test guards that every bundle has every key).
 */
public final class Messages {

	private final MessageSource source;

	private final Locale locale;

	public Messages(MessageSource source, Locale locale) {
		this.source = source;
		this.locale = locale;
	}

	public String get(String key, Object... args) {
		return this.source.getMessage(key, args, this.locale);
	}

	public Locale locale() {
		return this.locale;
	}

}
