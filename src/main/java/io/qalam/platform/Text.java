package io.qalam.platform;

import java.util.Arrays;
import java.util.List;

/**
 * A text for a person, not yet in their language: a message key and its arguments. The
 * domain says what happened with one of these; the page that shows it looks it up in the
 * reader's or the editor's bundle. An argument may itself be a {@code Text} (a status, a
 * role), looked up the same way.
 */
public record Text(String key, List<Object> args) {

	public Text {
		args = List.copyOf(args);
	}

	public static Text of(String key, Object... args) {
		return new Text(key, Arrays.asList(args));
	}

	/** For the log: the key and its arguments, in no one's language. */
	@Override
	public String toString() {
		return this.args.isEmpty() ? this.key : this.key + " " + this.args;
	}

}
