package io.qalam.site;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.qalam.content.ArticleEvent.Placement;
import io.qalam.content.ArticleSummary;
import io.qalam.platform.web.EdgeCache;

/**
 * What a public page shows, as keys: the page cache evicts by them, and a CDN in front
 * purges by them (they are the page's {@code Surrogate-Key} header). Two kinds:
 * <ul>
 * <li>"shows": {@code article-1}, {@code story-2}, {@code section-3}, {@code tag-4},
 * {@code author-5}, {@code edition-ru} — the page shows that thing's text or name;</li>
 * <li>"lists": {@code list-ru-section-3}, {@code list-ru-tag-4},
 * {@code list-ru-author-5}, {@code list-ru-latest}, {@code sitemaps} — the page lists
 * what is latest there in one edition, so an article arriving or leaving changes it.</li>
 * </ul>
 * An article's change evicts the pages that show it, and — when it arrives, leaves or
 * moves — the lists it arrives in or leaves; nothing else ({@link #changedBy}).
 */
final class PageKeys {

	/** Keys are short and plain, so that they travel in a header and a signal. */
	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	static final String SITEMAPS = "sitemaps";

	private final Set<String> keys = new LinkedHashSet<>();

	private PageKeys() {
	}

	/** The keys of a page of {@code edition}. */
	static PageKeys of(String edition) {
		PageKeys keys = new PageKeys();
		keys.keys.add("edition-" + edition);
		// the widget slots filled in: an edge keeps them with the page
		keys.keys.add(EdgeCache.widgetsKey(edition));
		return keys;
	}

	/** The keys of a page outside the editions (sitemaps, robots.txt). */
	static PageKeys global(String key) {
		PageKeys keys = new PageKeys();
		keys.keys.add(key);
		return keys;
	}

	PageKeys article(long id) {
		this.keys.add("article-" + id);
		return this;
	}

	PageKeys articles(Collection<ArticleSummary> shown) {
		for (ArticleSummary summary : shown) {
			article(summary.id());
		}
		return this;
	}

	PageKeys story(long id) {
		this.keys.add("story-" + id);
		return this;
	}

	PageKeys section(long id) {
		this.keys.add("section-" + id);
		return this;
	}

	PageKeys tag(long id) {
		this.keys.add("tag-" + id);
		return this;
	}

	PageKeys author(long id) {
		this.keys.add("author-" + id);
		return this;
	}

	/** The page lists the latest articles of a section in an edition. */
	PageKeys sectionList(String edition, long id) {
		this.keys.add(list(edition, "section", id));
		return this;
	}

	PageKeys tagList(String edition, long id) {
		this.keys.add(list(edition, "tag", id));
		return this;
	}

	PageKeys authorList(String edition, long id) {
		this.keys.add(list(edition, "author", id));
		return this;
	}

	/** The page lists the edition's latest articles (home, the edition's feeds). */
	PageKeys latest(String edition) {
		this.keys.add(latestKey(edition));
		return this;
	}

	Set<String> keys() {
		return this.keys;
	}

	/** The {@code Surrogate-Key} header value: keys separated by spaces. */
	String header() {
		return String.join(" ", this.keys);
	}

	/**
	 * The keys of the pages an article's change alters: the pages that show it (its own
	 * page, lists it is on, its translations' pages), the sitemaps, and — when it
	 * arrives, leaves or moves — the lists it arrives in or leaves.
	 * @param before where readers saw the article, null if nowhere
	 * @param after where readers see it now, null if nowhere
	 */
	static Set<String> changedBy(long articleId, String edition, long storyId, Placement before, Placement after) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add("article-" + articleId);
		keys.add("story-" + storyId);
		keys.add(SITEMAPS);
		if (before == null && after == null) {
			return keys;
		}
		if (before == null || after == null || !before.path().equals(after.path())) {
			// CASE: arrives, leaves, or changes its date (and so its place in every list)
			keys.add(latestKey(edition));
			lists(keys, edition, before);
			lists(keys, edition, after);
			return keys;
		}
		// CASE: moved to another section, tag or author: both lists change
		if (before.sectionId() != after.sectionId()) {
			keys.add(list(edition, "section", before.sectionId()));
			keys.add(list(edition, "section", after.sectionId()));
		}
		if (!before.authorIds().equals(after.authorIds())) {
			authorList(keys, edition, before);
			authorList(keys, edition, after);
		}
		Set<Long> moved = new HashSet<>(before.tagIds());
		moved.addAll(after.tagIds());
		moved.removeIf((tag) -> before.tagIds().contains(tag) && after.tagIds().contains(tag));
		moved.stream().sorted().forEach((tag) -> keys.add(list(edition, "tag", tag)));
		return keys;
	}

	private static void lists(Set<String> keys, String edition, Placement placement) {
		if (placement == null) {
			return;
		}
		keys.add(list(edition, "section", placement.sectionId()));
		authorList(keys, edition, placement);
		placement.tagIds().forEach((tag) -> keys.add(list(edition, "tag", tag)));
	}

	private static void authorList(Set<String> keys, String edition, Placement placement) {
		for (long authorId : placement.authorIds()) {
			keys.add(list(edition, "author", authorId));
		}
	}

	private static String list(String edition, String kind, long id) {
		return "list-" + edition + "-" + kind + "-" + id;
	}

	private static String latestKey(String edition) {
		return "list-" + edition + "-latest";
	}

}
