package io.qalam.site;

import io.qalam.platform.web.PublicChrome;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Structured data (schema.org JSON-LD) for the page head. */
final class JsonLd {

	static final String LOGO_PATH = "/site/logo.png";

	private JsonLd() {
	}

	/**
	 * An object with its members in the order given (name, value, name, value …): the
	 * same page always renders to the same bytes, so its ETag is the same on every node.
	 */
	static Map<String, Object> object(Object... namesAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return object;
	}

	static Map<String, Object> publisher(PublicChrome pages) {
		Map<String, Object> logo = new LinkedHashMap<>();
		logo.put("@type", "ImageObject");
		logo.put("url", pages.absolute(LOGO_PATH));
		logo.put("width", 600);
		logo.put("height", 60);
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("@type", "NewsMediaOrganization");
		publisher.put("name", pages.siteName());
		publisher.put("url", pages.absolute("/"));
		publisher.put("logo", logo);
		return publisher;
	}

	/**
	 * Serializes for a {@code <script>} element: {@code <} is escaped as {@code \u003c},
	 * so no value can close the element early.
	 */
	static String write(JsonMapper json, Map<String, Object> data) {
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

}
