package io.qalam.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: counts, and every item skipped or changed on the way in with the
 * reason, in the order of the file.
 */
public final class ImportReport {

	private final Map<String, Integer> counts = new TreeMap<>();

	private final List<Line> lines = new ArrayList<>();

	private String failure;

	void failed(String why) {
		this.failure = why;
	}

	/** Why the import stopped before the end of the file, or null when it did not. */
	public String failure() {
		return this.failure;
	}

	void count(String what) {
		this.counts.merge(what, 1, Integer::sum);
	}

	void skipped(WxrItem item, String reason) {
		count(SKIPPED);
		this.lines.add(new Line(item.id(), item.title(), "skipped: " + reason));
	}

	void note(WxrItem item, String note) {
		this.lines.add(new Line(item.id(), item.title(), note));
	}

	/** How many items or addresses came out one way: {@link #IMPORTED}, … */
	public int count(String what, int orElse) {
		return this.counts.getOrDefault(what, orElse);
	}

	public int imported() {
		return count(IMPORTED, 0);
	}

	public int updated() {
		return count(UPDATED, 0);
	}

	public int unchanged() {
		return count(UNCHANGED, 0);
	}

	public int skipped() {
		return count(SKIPPED, 0);
	}

	/** Every count by its name. */
	public Map<String, Integer> counts() {
		return Collections.unmodifiableMap(this.counts);
	}

	/** Items skipped or changed on the way in, with why. */
	public List<Line> lines() {
		return Collections.unmodifiableList(this.lines);
	}

	/** The counts on one line, for the end of a run. */
	public String summary() {
		return "%,d imported, %,d updated, %,d unchanged, %,d skipped; redirects: %,d added, %,d updated".formatted(
				imported(), updated(), unchanged(), skipped(), count(REDIRECTS_ADDED, 0), count(REDIRECTS_UPDATED, 0));
	}

	/** New posts. */
	public static final String IMPORTED = "imported";

	/** Posts imported before that changed since. */
	public static final String UPDATED = "updated";

	/** Posts imported before, the same now. */
	public static final String UNCHANGED = "unchanged";

	/** Items not imported, each with a line saying why. */
	public static final String SKIPPED = "skipped";

	public static final String REDIRECTS_ADDED = "redirects added";

	public static final String REDIRECTS_UPDATED = "redirects updated";

	public static final String SECTIONS_CREATED = "sections created";

	public static final String BYLINES = "bylines";

	/** Articles whose links to other imported posts now lead to their new addresses. */
	public static final String RELINKED = "articles relinked";

	/** Posts that were sticky on the old site; each has a line. */
	public static final String STICKY = "sticky on the old site";

	/** Files of the uploads folder stored in the media library. */
	public static final String PICTURES = "pictures";

	/**
	 * One item the report speaks of.
	 *
	 * @param id its WordPress id
	 */
	public record Line(long id, String title, String text) {

		@Override
		public String toString() {
			return "#" + this.id + " «" + this.title + "»: " + this.text;
		}

	}

}
