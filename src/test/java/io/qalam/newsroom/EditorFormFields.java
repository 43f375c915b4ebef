package io.qalam.newsroom;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;

/**
 * The fields a browser would post from the editor form as it was loaded: values as shown,
 * only the checked radio button, no file; some replaced or added by the test.
 */
public final class EditorFormFields {

	private EditorFormFields() {
	}

	/** The page's fields as name, value pairs, with {@code replaced} pairs put in. */
	public static String[] of(Document page, String... replaced) {
		List<String> fields = new ArrayList<>();
		for (var input : page.select("form.editor input[name], form.editor textarea[name], form.editor select[name]")) {
			String name = input.attr("name");
			if (name.equals("_csrf") || name.isEmpty() || input.attr("type").equals("file")
					|| (input.attr("type").equals("radio") && !input.hasAttr("checked"))) {
				continue;
			}
			String value = switch (input.tagName()) {
				case "textarea" -> input.text();
				case "select" -> {
					var selected = input.selectFirst("option[selected]");
					yield (selected != null) ? selected.attr("value") : "";
				}
				default -> input.attr("value");
			};
			fields.add(name);
			fields.add(value);
		}
		return with(fields.toArray(String[]::new), replaced);
	}

	/** The fields with each of the {@code replaced} name, value pairs set or added. */
	public static String[] with(String[] fields, String... replaced) {
		List<String> copy = new ArrayList<>(List.of(fields));
		for (int r = 0; r < replaced.length; r += 2) {
			boolean found = false;
			for (int i = 0; i < copy.size(); i += 2) {
				if (copy.get(i).equals(replaced[r])) {
					copy.set(i + 1, replaced[r + 1]);
					found = true;
				}
			}
			if (!found) {
				copy.add(replaced[r]);
				copy.add(replaced[r + 1]);
			}
		}
		return copy.toArray(String[]::new);
	}

}
