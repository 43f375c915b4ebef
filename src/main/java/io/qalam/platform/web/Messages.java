package io.qalam.platform.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.qalam.platform.Text;

import org.springframework.context.MessageSource;

/**
 * Interface text in one edition's language, looked up in its message bundle. A missing
 * key fails loudly (a test guards that every bundle has every key).
 */
public final class Messages {

	private final MessageSource source;

	private final Locale locale;

	// Texts without arguments, as the source gave them: a page asks for about forty, and
	// the bundles do not change while running (a missing key throws and is not kept)
	private final Map<String, String> plain = new ConcurrentHashMap<>();

	public Messages(MessageSource source, Locale locale) {
		this.source = source;
		this.locale = locale;
	}

	public String get(String key, Object... args) {
		if (args.length == 0) {
			return this.plain.computeIfAbsent(key, (k) -> this.source.getMessage(k, null, this.locale));
		}
		return this.source.getMessage(key, args, this.locale);
	}

	/**
	 * The text in this language; arguments that are texts themselves are looked up too.
	 */
	public String get(Text text) {
		if (text == null) {
			return null;
		}
		Object[] args = text.args().stream().map((a) -> (a instanceof Text t) ? get(t) : a).toArray();
		return get(text.key(), args);
	}

	public Locale locale() {
		return this.locale;
	}

}
