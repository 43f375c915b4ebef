package io.qalam.widgets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The widget settings as the application binds them, from {@code application.yml} (the
 * one place their defaults are written), with a test's own values on top.
 */
final class TestWidgetsProperties {

	private TestWidgetsProperties() {
	}

	/**
	 * @param overrides e.g. {@code "rates.url" -> "http://localhost:1234/"}
	 */
	static WidgetsProperties with(Map<String, Object> overrides) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> prefixed = new HashMap<>();
		overrides.forEach((key, value) -> prefixed.put("qalam.widgets." + key, value));
		environment.getPropertySources().addFirst(new MapPropertySource("test", prefixed));
		try {
			for (PropertySource<?> yaml : new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"))) {
				environment.getPropertySources().addLast(yaml);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Binder.get(environment).bind("qalam.widgets", WidgetsProperties.class).get();
	}

}
