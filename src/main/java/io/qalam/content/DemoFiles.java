package io.qalam.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the demo content's text files.
 *
 * <p>
 * A story file starts with {@code key: value} lines (section, author, hours-ago, picture,
 * inline-picture), then one block per edition, opened by a line {@code == <edition>}:
 * {@code key: value} lines (headline, lead, tags, caption, credit, source,
 * inline-caption), a blank line, and the body HTML. The authors file has one block per
 * author, opened by {@code == <slug>}, with lines
 * {@code <edition>: <name> | <biography>}.
 */
final class DemoFiles {

	private DemoFiles() {
	}

	record Story(String name, String section, String author, double hoursAgo, String picture, String inlinePicture,
			List<Translation> translations) {
	}

	/**
	 * @param live the entries of a live blog ({@code live-1: <minutes ago> | <text>}, …),
	 * empty for an ordinary article
	 */
	record Translation(String edition, String headline, String lead, List<String> tags, String caption, String credit,
			String source, String inlineCaption, String body, List<LiveLine> live) {
	}

	/** A live blog's entry, posted {@code minutesAgo} before the demo is loaded. */
	record LiveLine(double minutesAgo, String text) {
	}

	static Story story(String name, String text) {
		List<String> blocks = splitBlocks(text);
		Map<String, String> header = fields(name, blocks.get(0));
		List<Translation> translations = new ArrayList<>();
		for (String block : blocks.subList(1, blocks.size())) {
			String edition = block.substring(0, block.indexOf('\n')).strip();
			String rest = block.substring(block.indexOf('\n') + 1);
			int bodyStart = rest.indexOf("\n\n");
			if (bodyStart < 0) {
				throw new IllegalStateException(name + " [" + edition + "]: no blank line before the body");
			}
			Map<String, String> f = fields(name, rest.substring(0, bodyStart));
			String where = name + " [" + edition + "]";
			translations.add(new Translation(edition, required(f, "headline", where), required(f, "lead", where),
					Arrays.stream(required(f, "tags", where).split(",")).map(String::strip).toList(),
					required(f, "caption", where), required(f, "credit", where), f.get("source"),
					f.get("inline-caption"), rest.substring(bodyStart).strip(), live(f, where)));
		}
		return new Story(name, required(header, "section", name), header.get("author"),
				Double.parseDouble(required(header, "hours-ago", name)), required(header, "picture", name),
				header.get("inline-picture"), translations);
	}

	// live-1, live-2, … in order
	private static List<LiveLine> live(Map<String, String> fields, String where) {
		List<LiveLine> lines = new ArrayList<>();
		for (int i = 1; fields.containsKey("live-" + i); i++) {
			String[] parts = fields.get("live-" + i).split("\\|", 2);
			if (parts.length < 2) {
				throw new IllegalStateException(where + ": live-" + i + " is not '<minutes ago> | <text>'");
			}
			lines.add(new LiveLine(Double.parseDouble(parts[0].strip()), parts[1].strip()));
		}
		return lines;
	}

	static Map<String, Map<String, ArticleStore.AuthorName>> authors(String text) {
		Map<String, Map<String, ArticleStore.AuthorName>> authors = new LinkedHashMap<>();
		List<String> blocks = splitBlocks(text);
		for (String block : blocks.subList(1, blocks.size())) {
			String slug = block.substring(0, block.indexOf('\n')).strip();
			Map<String, ArticleStore.AuthorName> names = new LinkedHashMap<>();
			fields("authors.txt", block.substring(block.indexOf('\n') + 1)).forEach((edition, value) -> {
				String[] parts = value.split("\\|", 2);
				names.put(edition,
						new ArticleStore.AuthorName(parts[0].strip(), (parts.length > 1) ? parts[1].strip() : ""));
			});
			authors.put(slug, names);
		}
		return authors;
	}

	// Blocks are separated by lines starting with "== "; the first block is the header
	private static List<String> splitBlocks(String text) {
		String normalized = text.replace("\r\n", "\n");
		List<String> blocks = new ArrayList<>(Arrays.asList(normalized.split("(?m)^== ")));
		return blocks;
	}

	private static Map<String, String> fields(String where, String lines) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : lines.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw new IllegalStateException(where + ": expected 'key: value', got '" + line + "'");
			}
			fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		return fields;
	}

	private static String required(Map<String, String> fields, String key, String where) {
		String value = fields.get(key);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(where + ": missing '" + key + "'");
		}
		return value;
	}

}
