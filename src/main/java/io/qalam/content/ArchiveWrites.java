package io.qalam.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.qalam.content.ArticleEvent.Origin;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.edition.Slugs;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.PlainText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write path of archives brought over from elsewhere (a WordPress import): articles
 * keep the status, time and address they had there, each write keeps a revision, and a
 * batch raises one {@link ArticleBatch} per edition and {@link ArticleBatch#MOST}
 * articles, which the page cache, search and the other nodes follow like any other change
 * — and which readers (Telegram, webhooks) are never told of.
 */
@Component
public class ArchiveWrites {

	private static final Pattern EMPTY_PARAGRAPH = Pattern.compile("<p>\\s*</p>\\s*");

	/** Who the revisions and drafts of an import name. */
	public static final String BY = "import";

	private final ArticleRows rows;

	private final ArticleStore store;

	private final ArticleChanges changes;

	private final Sections sections;

	private final ArticlePaths paths;

	private final Editions editions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MediaLibrary media;

	ArchiveWrites(ArticleRows rows, ArticleStore store, ArticleChanges changes, Sections sections, ArticlePaths paths,
			Editions editions, JdbcClient jdbc, Clock clock, MediaLibrary media) {
		this.media = media;
		this.rows = rows;
		this.store = store;
		this.changes = changes;
		this.sections = sections;
		this.paths = paths;
		this.editions = editions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new story, for the articles that translate one another. */
	@Transactional
	public long createStory() {
		return this.store.createStory();
	}

	/**
	 * The section at {@code slug}, created at the end of the navigation when there is
	 * none, named {@code name} in every edition.
	 * @return its id
	 */
	@Transactional
	public long section(String slug, String name) {
		requireSlug(slug);
		return this.sections.findOrCreate(slug, clip(name, 128),
				this.editions.all().stream().map(Edition::code).toList());
	}

	/** The id of the section at {@code slug}, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Long> sectionId(String slug) {
		return this.jdbc.sql("SELECT id FROM sections WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	/**
	 * The author at {@code slug} for bylines, created when there is none with
	 * {@code name} in every edition (not a newsroom account).
	 * @return its id
	 */
	@Transactional
	public long byline(String slug, String name) {
		requireSlug(slug);
		String shown = clip(name, 128);
		return this.store.despiteClashes(() -> this.jdbc.sql("SELECT id FROM authors WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				Map<String, ArticleStore.AuthorName> names = new LinkedHashMap<>();
				for (Edition edition : this.editions.all()) {
					names.put(edition.code(), new ArticleStore.AuthorName(shown, ""));
				}
				return this.store.createAuthor(slug, names);
			}));
	}

	/**
	 * A picture of the media library as a figure in a text, as the editor writes it.
	 * @return empty when there is no such image
	 */
	public Optional<String> figure(long imageId, String caption) {
		return this.media.find(imageId).map((image) -> Figures.image(image, clip(caption, 500)));
	}

	/** The texts of these articles, by id; ids that do not exist are left out. */
	@Transactional(readOnly = true)
	public Map<Long, String> bodies(List<Long> ids) {
		Map<Long, String> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("SELECT article_id, body_html FROM article_bodies WHERE article_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> found.put(rs.getLong("article_id"), rs.getString("body_html")))
			.list();
		return found;
	}

	/**
	 * The second step of an import: links between its articles pointed at their new
	 * addresses. The texts replace the ones the import just wrote, in the article and in
	 * its import's revision, without a new version: to the newsroom it is one import.
	 * @param bodies new texts by article id; sanitized on the way in
	 */
	@Transactional
	public void relink(Origin origin, Map<Long, String> bodies) {
		Map<String, List<Long>> changed = new LinkedHashMap<>();
		bodies.forEach((id, body) -> {
			String clean = BodySanitizer.sanitize(body);
			this.store.replaceBody(id, clean);
			this.jdbc.sql("""
					UPDATE article_revisions SET body_html = :body
					WHERE article_id = :id AND saved_by = :by
					  AND number = (SELECT MAX(number) FROM article_revisions WHERE article_id = :id)""")
				.param("body", clean)
				.param("id", id)
				.param("by", BY)
				.update();
			this.rows.load(id)
				.ifPresent((state) -> changed.computeIfAbsent(state.edition(), (e) -> new ArrayList<>()).add(id));
		});
		this.changes.raise(origin, changed);
	}

	/** The version and status of an article, to tell whether someone changed it. */
	@Transactional(readOnly = true)
	public Optional<Stored> stored(long id) {
		return this.rows.load(id)
			.map((state) -> new Stored(state.id(), state.edition(), state.status(), state.version(),
					path(state.edition(), state.status(), state.publishedAt(), state.slug())));
	}

	/**
	 * Writes new and changed articles of an archive in the caller's transaction (all or
	 * nothing). An article that cannot be taken as it is comes back refused, with the
	 * reason, and nothing of it is stored.
	 * @return one answer per article, in order
	 */
	@Transactional
	public List<Written> write(Origin origin, List<ArchiveArticle> articles) {
		List<Written> written = new ArrayList<>(articles.size());
		Map<String, List<Long>> changed = new LinkedHashMap<>();
		for (ArchiveArticle article : articles) {
			Written one = write(article);
			written.add(one);
			if (one.refused() == null) {
				changed.computeIfAbsent(article.edition(), (edition) -> new ArrayList<>()).add(one.id());
			}
		}
		this.changes.raise(origin, changed);
		return written;
	}

	private Written write(ArchiveArticle article) {
		List<String> notes = new ArrayList<>();
		Checked checked = check(article, notes);
		if (checked.refused() != null) {
			return Written.refused(checked.refused());
		}
		return (article.id() == null) ? insert(article, checked.text(), notes) : update(article, checked.text(), notes);
	}

	private Written insert(ArchiveArticle article, DraftCheck.Checked text, List<String> notes) {
		long story = (article.storyId() != null) ? article.storyId() : this.store.createStory();
		if (this.rows.inEdition(story, article.edition()).isPresent()) {
			notes.add("its translation group already has an article in " + article.edition()
					+ "; imported as a story of its own");
			story = this.store.createStory();
		}
		long storyId = story;
		String slug = slug(article);
		OffsetDateTime now = now();
		long id = this.store.despiteClashes(() -> this.rows.insertDraft(storyId, article.edition(),
				(slug != null) ? slug : this.store.allocateSlug(article.edition(), text.headline()), text, BY, now));
		this.rows.replaceTags(id, article.edition(), text.tags());
		if (article.status() != ArticleStatus.DRAFT) {
			boolean published = article.status() == ArticleStatus.PUBLISHED;
			this.rows.updateStatus(id, 0, false, article.status(), published ? null : article.at(),
					published ? utc(article.at()) : null, null, now, BY);
		}
		this.rows.addRevision(id, text, BY, "Imported", now);
		return answer(id, notes);
	}

	private Written update(ArchiveArticle article, DraftCheck.Checked text, List<String> notes) {
		ArticleRows.State state = this.rows.load(article.id()).orElse(null);
		if (state == null) {
			return Written.refused("its article " + article.id() + " is gone from the newsroom");
		}
		if (!state.edition().equals(article.edition())) {
			return Written.refused("its language changed from " + state.edition() + " to " + article.edition()
					+ " since it was imported");
		}
		OffsetDateTime now = now();
		// the address stays: readers and the old site's redirects know it
		if (state.version() != article.version()) {
			return Written.refused("it was changed in the newsroom since it was imported; left as it is");
		}
		if (this.rows.updateText(state.id(), state.version(), text, state.slug(), utc(state.updatedAt()), now,
				BY) != 1) {
			return Written.refused("it was changed in the newsroom while it was imported; left as it is");
		}
		this.store.replaceBody(state.id(), text.bodyHtml());
		this.rows.replaceTags(state.id(), state.edition(), text.tags());
		this.rows.replaceAuthors(state.id(), text.authorIds());
		ArticleStatus target = article.status();
		Instant publishedAt = state.publishedAt();
		Instant scheduledAt = null;
		if (state.status() == ArticleStatus.PUBLISHED && target != ArticleStatus.PUBLISHED) {
			if (target == ArticleStatus.DRAFT) {
				// taken off the site there: off the site here, its address kept
				target = ArticleStatus.UNPUBLISHED;
			}
			else {
				notes.add("scheduled again on the old site; stays published here");
				target = ArticleStatus.PUBLISHED;
			}
		}
		else if (target == ArticleStatus.PUBLISHED && publishedAt == null) {
			publishedAt = article.at();
		}
		else if (target == ArticleStatus.SCHEDULED) {
			scheduledAt = article.at();
		}
		this.rows.updateStatus(state.id(), state.version() + 1, false, target, scheduledAt, utc(publishedAt),
				utc(state.updatedAt()), now, BY);
		this.rows.addRevision(state.id(), text, BY, "Updated by an import", now);
		return answer(state.id(), notes);
	}

	private Written answer(long id, List<String> notes) {
		Stored stored = stored(id).orElseThrow();
		return new Written(id, stored.version(), stored.path(), List.copyOf(notes), null);
	}

	// The newsroom's rules, but what an archive cannot help is noted, not refused: the
	// sanitizer takes out what the site cannot show, and overlong extras are cut
	private Checked check(ArchiveArticle article, List<String> notes) {
		if (this.editions.find(article.edition()).isEmpty()) {
			return Checked.refused("its edition " + article.edition() + " is not one of this site's");
		}
		String headline = DraftCheck.strip(article.headline());
		if (headline.isEmpty()) {
			return Checked.refused("it has no title");
		}
		if (headline.length() > 300) {
			return Checked.refused("its title is longer than 300 characters");
		}
		String lead = DraftCheck.strip(article.lead());
		if (lead.length() > 2000) {
			lead = cut(lead, 2000);
			notes.add("its excerpt was cut to 2,000 characters");
		}
		Embeds.Normalized embedded = Embeds
			.normalize((article.bodyHtml() != null) ? PlainText.clean(article.bodyHtml()) : "");
		BodySanitizer.Result sanitized = BodySanitizer.check(embedded.html());
		// CASE: a paragraph that held only a picture from elsewhere, taken out
		String body = EMPTY_PARAGRAPH.matcher(sanitized.html()).replaceAll("");
		if (body.length() > 500_000) {
			return Checked.refused("its text is longer than 500,000 characters");
		}
		if (!sanitized.lost().isEmpty()) {
			notes.add("taken out of its text: "
					+ String.join(", ", sanitized.lost().stream().map((tag) -> "<" + tag + ">").toList()));
		}
		if (!embedded.unknown().isEmpty()) {
			notes.add("embeds no provider of ours shows: " + String.join(", ", embedded.unknown()));
		}
		if (this.jdbc.sql("SELECT COUNT(*) FROM sections WHERE id = :id")
			.param("id", article.sectionId())
			.query(Long.class)
			.single() == 0) {
			return Checked.refused("its section " + article.sectionId() + " does not exist");
		}
		List<String> tags = new ArrayList<>();
		for (String tag : article.tags()) {
			String name = DraftCheck.strip(tag);
			if (name.isEmpty() || name.length() > 128 || Slugs.slugify(name).isEmpty()) {
				notes.add("tag '" + clip(name, 40) + "' left out");
			}
			else if (tags.stream().noneMatch((t) -> Slugs.slugify(t).equals(Slugs.slugify(name)))) {
				tags.add(name);
			}
		}
		if (tags.size() > 20) {
			notes.add("tags after the 20th left out: " + String.join(", ", tags.subList(20, tags.size())));
			tags = new ArrayList<>(tags.subList(0, 20));
		}
		List<Long> authors = article.authorIds().stream().distinct().limit(DraftCheck.MAX_AUTHORS).toList();
		String seo = DraftCheck.strip(article.seoDescription());
		if (seo.length() > 300) {
			seo = cut(seo, 300);
			notes.add("its search description was cut to 300 characters");
		}
		Long image = article.leadImageId();
		if (image != null && this.media.find(image).isEmpty()) {
			notes.add("its picture " + image + " is not in the media library; imported without it");
			image = null;
		}
		String caption = clip(article.leadImageCaption(), 500);
		return new Checked(
				new DraftCheck.Checked(headline, lead, body, article.sectionId(), authors, tags, null, null,
						seo.isEmpty() ? null : seo, image, (image == null || caption.isEmpty()) ? null : caption, null),
				null);
	}

	// the old address's slug where it fits our rules and is free; else one made from it
	private String slug(ArchiveArticle article) {
		String wanted = Slugs.slugify((article.slug() != null) ? article.slug() : "");
		if (wanted.isEmpty()) {
			return null;
		}
		if (Slugs.isWellFormed(wanted)
				&& this.jdbc.sql("SELECT COUNT(*) FROM articles WHERE edition = :ed AND slug = :slug")
					.param("ed", article.edition())
					.param("slug", wanted)
					.query(Long.class)
					.single() == 0) {
			return wanted;
		}
		return this.store.allocateSlug(article.edition(), wanted);
	}

	private String path(String edition, ArticleStatus status, Instant publishedAt, String slug) {
		return (status == ArticleStatus.PUBLISHED && publishedAt != null) ? this.paths.path(edition, publishedAt, slug)
				: null;
	}

	private static void requireSlug(String slug) {
		if (slug == null || !Slugs.isWellFormed(slug)) {
			throw new IllegalArgumentException("Not a slug: " + slug);
		}
	}

	private static String clip(String text, int max) {
		String clean = DraftCheck.strip(text);
		return (clean.length() > max) ? clean.substring(0, max) : clean;
	}

	// at the last space before the limit, with an ellipsis
	private static String cut(String text, int max) {
		int space = text.lastIndexOf(' ', max - 1);
		return text.substring(0, (space > max / 2) ? space : max - 1).strip() + "…";
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * An article as stored now.
	 *
	 * @param path its public address, or null while it is not published
	 */
	public record Stored(long id, String edition, ArticleStatus status, int version, String path) {
	}

	/**
	 * What became of one article.
	 *
	 * @param path its public address, or null while it is not published
	 * @param notes what was changed on the way in (taken out, cut, left out)
	 * @param refused why nothing was stored, or null when it was
	 */
	public record Written(long id, int version, String path, List<String> notes, String refused) {

		static Written refused(String reason) {
			return new Written(0, 0, null, List.of(), reason);
		}

	}

	private record Checked(DraftCheck.Checked text, String refused) {

		static Checked refused(String reason) {
			return new Checked(null, reason);
		}

	}

}
