package io.qalam.content;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What changed between two revisions, word by word: headline, lead and the body's text
 * (paragraph by paragraph, without markup).
 */
public final class RevisionDiff {

	private RevisionDiff() {
	}

	/** One run of words, unchanged, added or removed. */
	public record Segment(Kind kind, String text) {
	}

	public enum Kind {

		SAME, ADDED, REMOVED

	}

	/** The differences from {@code older} to {@code newer}. */
	public record Comparison(Revision older, Revision newer, List<Segment> headline, List<Segment> lead,
			List<Segment> body, List<Change> settings) {
	}

	/**
	 * A setting that changed.
	 *
	 * @param field the editor's name of the field (sectionSlug, tags, authorSlug, slug…)
	 */
	public record Change(String field, String before, String after) {
	}

	public static Comparison compare(Revision older, Revision newer) {
		List<Change> settings = new ArrayList<>();
		// only fields both revisions kept: older ones did not keep the settings
		newer.settings().forEach((field, after) -> {
			String before = older.settings().get(field);
			if (before != null && !before.equals(after)) {
				settings.add(new Change(field, before, after));
			}
		});
		return new Comparison(older, newer, words(older.headline(), newer.headline()),
				words(older.lead(), newer.lead()), words(bodyText(older.bodyHtml()), bodyText(newer.bodyHtml())),
				settings);
	}

	static List<Segment> words(String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
			add(segments, Kind.SAME, b.subList(position, delta.getTarget().getPosition()));
			add(segments, Kind.REMOVED, delta.getSource().getLines());
			add(segments, Kind.ADDED, delta.getTarget().getLines());
			position = delta.getTarget().getPosition() + delta.getTarget().size();
		}
		add(segments, Kind.SAME, b.subList(position, b.size()));
		return segments;
	}

	// Words, with paragraph breaks kept as tokens of their own
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String paragraph : text.split("\n")) {
			if (!tokens.isEmpty()) {
				tokens.add("\n");
			}
			for (String word : paragraph.strip().split("\\s+")) {
				if (!word.isEmpty()) {
					tokens.add(word);
				}
			}
		}
		return tokens;
	}

	private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String text = String.join(" ", tokens).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n");
		if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
			Segment last = segments.remove(segments.size() - 1);
			text = last.text() + " " + text;
		}
		segments.add(new Segment(kind, text));
	}

	// The text of each block, one per line
	static String bodyText(String html) {
		List<String> blocks = new ArrayList<>();
		for (Element block : Jsoup.parseBodyFragment(html)
			.body()
			.select("p, h2, h3, h4, li, blockquote, figcaption, td, th")) {
			// a quote or cell holding paragraphs counts through its paragraphs
			if (block.children().select("p, li").isEmpty() || block.tagName().equals("li")) {
				blocks.add(block.text());
			}
		}
		return String.join("\n", blocks);
	}

}
