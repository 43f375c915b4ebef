package io.qalam.edition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The editions this site runs, as configured. Fails at start when the configuration is
 * inconsistent, so that no request ever meets a half-configured edition.
 */
@Component
@EnableConfigurationProperties(EditionProperties.class)
public class Editions {

	private final List<Edition> all;

	// looked up on every request
	private final Map<String, Edition> byCode = new HashMap<>();

	private final Edition defaultEdition;

	Editions(EditionProperties properties) {
		List<Edition> editions = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (EditionProperties.EditionSetting setting : properties.editions()) {
			if (!codes.add(setting.code())) {
				throw new IllegalStateException("qalam.edition.editions lists '" + setting.code() + "' twice");
			}
			Locale locale = Locale.forLanguageTag(setting.locale());
			if (locale.getLanguage().isEmpty()) {
				throw new IllegalStateException(
						"qalam.edition.editions: '" + setting.locale() + "' is not a locale (e.g. ru-RU)");
			}
			editions.add(new Edition(setting.code(), locale, setting.name(), setting.telegramChannel()));
		}
		this.all = List.copyOf(editions);
		this.all.forEach((edition) -> this.byCode.put(edition.code(), edition));
		this.defaultEdition = find(properties.defaultEdition())
			.orElseThrow(() -> new IllegalStateException("qalam.edition.default-edition '" + properties.defaultEdition()
					+ "' is not one of the configured editions"));
	}

	/** All editions, in their configured order. */
	public List<Edition> all() {
		return this.all;
	}

	public Optional<Edition> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	public Edition defaultEdition() {
		return this.defaultEdition;
	}

	/**
	 * The edition that best matches an {@code Accept-Language} header; the default
	 * edition when the header is absent, malformed or names no language we publish in.
	 */
	public Edition forAcceptLanguage(String header) {
		if (header == null || header.isBlank()) {
			return this.defaultEdition;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			// CASE: a malformed header from a bot or an old client
			return this.defaultEdition;
		}
		List<Locale> locales = this.all.stream().map(Edition::locale).toList();
		Locale match = Locale.lookup(ranges, locales);
		if (match == null) {
			List<Locale> languages = this.all.stream().map((e) -> Locale.forLanguageTag(e.language())).toList();
			match = Locale.lookup(ranges, languages);
		}
		if (match == null) {
			return this.defaultEdition;
		}
		String language = match.getLanguage();
		return this.all.stream()
			.filter((edition) -> edition.language().equals(language))
			.findFirst()
			.orElse(this.defaultEdition);
	}

}
