package io.qalam.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link SearchResults.Highlighted} parts rather
 * than HTML, so that the page template escapes the text like any other.
 */
final class PartsFormatter extends PassageFormatter {

	private static final String ELLIPSIS = "…";

	private final boolean snippets;

	PartsFormatter() {
		this(false);
	}

	private PartsFormatter(boolean snippets) {
		this.snippets = snippets;
	}

	/** The same, with an ellipsis where a passage leaves out text. */
	PartsFormatter snippets() {
		return new PartsFormatter(true);
	}

	@Override
	public Object format(Passage[] passages, String content) {
		List<SearchResults.Part> parts = new ArrayList<>();
		int previousEnd = 0;
		for (Passage passage : passages) {
			if (this.snippets && passage.getStartOffset() > previousEnd) {
				add(parts, ELLIPSIS + " ", false);
			}
			int position = passage.getStartOffset();
			for (int i = 0; i < passage.getNumMatches(); i++) {
				int start = Math.max(passage.getMatchStarts()[i], position);
				int end = passage.getMatchEnds()[i];
				if (end <= start) {
					continue;
				}
				add(parts, content.substring(position, start), false);
				add(parts, content.substring(start, end), true);
				position = end;
			}
			add(parts, content.substring(position, passage.getEndOffset()), false);
			previousEnd = passage.getEndOffset();
		}
		if (this.snippets && previousEnd < content.length()) {
			add(parts, " " + ELLIPSIS, false);
		}
		return new SearchResults.Highlighted(List.copyOf(parts));
	}

	// Adjacent parts of the same kind merge, so that marked words become one mark
	private static void add(List<SearchResults.Part> parts, String text, boolean marked) {
		if (text.isEmpty()) {
			return;
		}
		if (!parts.isEmpty() && parts.get(parts.size() - 1).marked() == marked) {
			SearchResults.Part last = parts.remove(parts.size() - 1);
			parts.add(new SearchResults.Part(last.text() + text, marked));
			return;
		}
		parts.add(new SearchResults.Part(text, marked));
	}

}
