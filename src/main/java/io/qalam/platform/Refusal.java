package io.qalam.platform;

import java.util.Map;

/**
 * A request that was refused and changed nothing, with the reason as a {@link Text} the
 * page shows in its user's language, and what is wrong with each form field.
 */
public class Refusal extends RuntimeException {

	private final Text text;

	private final Map<String, Text> fields;

	public Refusal(Text text) {
		this(text, Map.of());
	}

	public Refusal(Text text, Map<String, Text> fields) {
		super(text.toString());
		this.text = text;
		this.fields = Map.copyOf(fields);
	}

	public Text text() {
		return this.text;
	}

	public Map<String, Text> fields() {
		return this.fields;
	}

}
