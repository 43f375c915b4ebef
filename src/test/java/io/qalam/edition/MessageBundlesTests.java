package io.qalam.edition;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every edition's bundle has every key, so that no page ever falls back to another
 * language.
 */
class MessageBundlesTests {

	private static final List<String> LANGUAGES = List.of("ru", "kk", "en");

	@Test
	void everyBundleHasEveryKey() throws IOException {
		Set<String> allKeys = new TreeSet<>();
		for (String language : LANGUAGES) {
			allKeys.addAll(bundle(language).stringPropertyNames());
		}
		assertThat(allKeys).hasSizeGreaterThan(50);
		for (String language : LANGUAGES) {
			assertThat(bundle(language).stringPropertyNames()).as("keys of messages_%s", language)
				.containsExactlyInAnyOrderElementsOf(allKeys);
		}
	}

	@Test
	void noBundleHasAnEmptyValue() throws IOException {
		for (String language : LANGUAGES) {
			Properties bundle = bundle(language);
			for (String key : bundle.stringPropertyNames()) {
				assertThat(bundle.getProperty(key)).as("%s in messages_%s", key, language).isNotBlank();
			}
		}
	}

	@Test
	void theEnglishBundleHasNoCyrillic() throws IOException {
		Properties english = bundle("en");
		for (String key : english.stringPropertyNames()) {
			assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsCyrillic}");
		}
	}

	@Test
	void theBaseBundleIsEmptySoMissingKeysFail() throws IOException {
		assertThat(load("messages/messages.properties")).isEmpty();
	}

	private static Properties bundle(String language) throws IOException {
		return load("messages/messages_" + language + ".properties");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
