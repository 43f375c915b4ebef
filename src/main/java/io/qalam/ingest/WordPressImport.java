package io.qalam.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.qalam.content.ArchiveArticle;
import io.qalam.content.ArchiveWrites;
import io.qalam.content.ArticleEvent.Origin;
import io.qalam.content.ArticleStatus;
import io.qalam.content.Redirects;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.edition.Slugs;
import io.qalam.platform.SiteProperties;
import io.qalam.media.MediaLibrary;
import io.qalam.media.UploadRefusedException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a WordPress export over: posts become articles with their status, time, address,
 * section, tags, byline and translations; every old address (the permalink,
 * {@code /?p=ID}, category and tag pages) answers 301 to its new place. Read as a stream
 * and written in batches of {@link #BATCH} posts, each batch in one transaction, so a
 * file that breaks off leaves whole articles only. Running it again on the same export
 * updates what changed there and duplicates nothing; an article changed in the newsroom
 * since is left as it is.
 */
@Component
public class WordPressImport {

	/** Posts written per transaction. */
	static final int BATCH = 200;

	private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("(?i)^https?://([^/?#:]+)");

	private static final java.util.regex.Pattern AFTER_HOST = java.util.regex.Pattern
		.compile("(?i)^https?://[^/?#]+(.*)$");

	private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ArchiveWrites writes;

	private final Redirects redirects;

	private final Editions editions;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SiteProperties site;

	private final Clock clock;

	private final MediaLibrary media;

	private final MessageSource messages;

	WordPressImport(ArchiveWrites writes, Redirects redirects, Editions editions, JdbcClient jdbc,
			TransactionTemplate transactions, SiteProperties site, Clock clock, MediaLibrary media,
			MessageSource messages) {
		this.media = media;
		this.messages = messages;
		this.writes = writes;
		this.redirects = redirects;
		this.editions = editions;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Checks what an import is asked to do before it reads anything.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public void check(Options options) {
		if (this.editions.find(options.edition()).isEmpty()) {
			throw new IllegalArgumentException("There is no edition '" + options.edition() + "'; this site has "
					+ String.join(", ", this.editions.all().stream().map(Edition::code).toList()));
		}
		options.languages().forEach((language, edition) -> {
			if (this.editions.find(edition).isEmpty()) {
				throw new IllegalArgumentException(
						"Language '" + language + "' is mapped to '" + edition + "', which is no edition of this site");
			}
		});
		options.sections().forEach((category, section) -> {
			if (this.writes.sectionId(section).isEmpty()) {
				throw new IllegalArgumentException(
						"Category '" + category + "' is mapped to section '" + section + "', which does not exist");
			}
		});
	}

	/**
	 * Imports the export at {@code file}.
	 * @return what was done; {@link ImportReport#failure()} says where a file that breaks
	 * off did, and the batches before stay imported, whole
	 * @throws WxrReader.Malformed when the file is not a WordPress export at all
	 */
	public ImportReport run(Path file, Options options, Progress progress) throws IOException {
		return run(file, options, WordPressUploads.NONE, progress);
	}

	/**
	 * Imports the export at {@code file} with the pictures of its uploads folder: each
	 * file once into the media library, with the same checks as an upload.
	 */
	ImportReport run(Path file, Options options, WordPressUploads uploads, Progress progress) throws IOException {
		check(options);
		long size = Files.size(file);
		// the pictures first: WordPress writes attachments wherever their ids fall
		Map<Long, WxrItem> attachments = (uploads == WordPressUploads.NONE) ? Map.of() : attachments(file);
		try (CountingStream in = new CountingStream(Files.newInputStream(file));
				WxrReader reader = WxrReader.open(in)) {
			Run run = new Run(options, reader, uploads, attachments);
			List<WxrItem> batch = new ArrayList<>(BATCH);
			try {
				while (reader.hasNext()) {
					WxrItem item = reader.next();
					if (run.wanted(item)) {
						batch.add(item);
					}
					if (batch.size() == BATCH) {
						run.write(batch);
						batch.clear();
						progress.at(in.count(), size, run.report);
					}
				}
				run.write(batch);
			}
			catch (WxrReader.Malformed ex) {
				// the posts of the batch being read are left out whole; the ones before
				// stay
				run.report.failed(ex.getMessage() + "; the " + batch.size()
						+ " posts read since the last batch were not imported, the ones before were");
			}
			this.transactions.executeWithoutResult((status) -> run.termRedirects());
			run.relink();
			progress.at(size, size, run.report);
			return run.report;
		}
	}

	private static Map<Long, WxrItem> attachments(Path file) throws IOException {
		Map<Long, WxrItem> found = new HashMap<>();
		try (InputStream in = Files.newInputStream(file); WxrReader reader = WxrReader.open(in)) {
			while (reader.hasNext()) {
				WxrItem item = reader.next();
				if ("attachment".equals(item.type()) && item.problem() == null) {
					found.put(item.id(), item);
				}
			}
		}
		catch (WxrReader.Malformed ex) {
			// CASE: the main pass meets the same break and says where
		}
		return found;
	}

	/**
	 * A look at an export before it is imported: what it holds and where its categories
	 * would go. Reads the whole file, writes nothing.
	 * @throws WxrReader.Malformed when it is no WordPress export or breaks off
	 */
	public Preview preview(Path file) throws IOException {
		Map<String, Integer> statuses = new TreeMap<>();
		Map<String, Integer> languages = new TreeMap<>();
		Map<String, Integer> byCategory = new HashMap<>();
		int posts = 0;
		int pages = 0;
		int attachments = 0;
		WxrSite site;
		try (InputStream in = Files.newInputStream(file); WxrReader reader = WxrReader.open(in)) {
			reader.hasNext();
			site = reader.site();
			while (reader.hasNext()) {
				WxrItem item = reader.next();
				switch (item.type()) {
					case "post" -> {
						posts++;
						statuses.merge(item.status(), 1, Integer::sum);
						languages.merge(item.language(), 1, Integer::sum);
						if (!item.categories().isEmpty()) {
							byCategory.merge(item.categories().get(0), 1, Integer::sum);
						}
					}
					case "page" -> pages++;
					case "attachment" -> attachments++;
					default -> {
					}
				}
			}
		}
		List<Category> categories = new ArrayList<>();
		for (WxrSite.Term term : site.categories()) {
			String ours = Slugs.truncate(Slugs.slugify(term.slug()), Slugs.MAX_LENGTH);
			boolean exists = !ours.isEmpty() && this.writes.sectionId(ours).isPresent();
			categories.add(new Category(term.slug(), term.name(), term.parent(),
					byCategory.getOrDefault(term.slug(), 0), ours, exists));
		}
		return new Preview(site.title(), site.baseUrl(), posts, statuses, languages, pages, attachments, categories);
	}

	/**
	 * What an export holds.
	 *
	 * @param statuses posts by their WordPress status
	 * @param languages posts by their Polylang language ("" for none)
	 */
	public record Preview(String title, String baseUrl, int posts, Map<String, Integer> statuses,
			Map<String, Integer> languages, int pages, int attachments, List<Category> categories) {
	}

	/**
	 * A category of the export.
	 *
	 * @param parent its parent's slug, or empty for a top category
	 * @param posts the posts it is the first category of
	 * @param section the section slug it goes to unless mapped
	 * @param sectionExists whether that section exists (else the import creates it)
	 */
	public record Category(String slug, String name, String parent, int posts, String section, boolean sectionExists) {
	}

	/** Told after each batch; {@code read} of {@code size} bytes of the file. */
	@FunctionalInterface
	public interface Progress {

		void at(long read, long size, ImportReport report);

	}

	/**
	 * What the admin decided for this import.
	 *
	 * @param edition the edition of posts that carry no language
	 * @param languages Polylang's language slugs that are not edition codes, to editions
	 * ({@code kz} → {@code kk})
	 * @param sections categories' slugs (decoded) to existing sections' slugs; other
	 * categories go to the section of their slug, created where there is none, and a
	 * child category to its top category's section, with its own name as a tag
	 */
	public record Options(String edition, Map<String, String> languages, Map<String, String> sections) {

		public Options {
			languages = Map.copyOf(languages);
			sections = Map.copyOf(sections);
		}

		public Options(String edition) {
			this(edition, Map.of(), Map.of());
		}

	}

	// One import's state: what the header said and what was mapped so far
	private final class Run {

		final ImportReport report = new ImportReport();

		final Options options;

		final String source;

		final Map<String, WxrSite.Term> categories = new HashMap<>();

		final Map<String, WxrSite.Author> authors = new HashMap<>();

		final Map<String, Long> sectionIds = new HashMap<>();

		final Map<String, String> sectionSlugs = new HashMap<>();

		final Map<String, Long> bylineIds = new HashMap<>();

		final Set<String> tagsUsed = new LinkedHashSet<>();

		final WxrSite wxr;

		// the old site's host, without www.
		final String host;

		final WordPressUploads uploads;

		final Map<Long, WxrItem> attachments;

		// a file of the uploads to its image; null where it was refused
		final Map<String, Long> pictures = new HashMap<>();

		// what each post of the batch being written shows, worked out before its
		// transaction
		final Map<Long, Shown> shown = new HashMap<>();

		// articles written in this run whose texts link to the old site
		final List<Long> linking = new ArrayList<>();

		Run(Options options, WxrReader reader, WordPressUploads uploads, Map<Long, WxrItem> attachments) {
			this.options = options;
			this.uploads = uploads;
			this.attachments = attachments;
			// the header is read through once the first item (or the end) is reached
			reader.hasNext();
			this.wxr = reader.site();
			this.source = sourceOf(this.wxr.baseUrl());
			this.host = hostOf(this.wxr.baseUrl());
			this.wxr.categories().forEach((term) -> this.categories.put(term.slug(), term));
			this.wxr.authors().forEach((author) -> this.authors.put(author.login(), author));
		}

		boolean wanted(WxrItem item) {
			switch (item.type()) {
				case "post" -> {
				}
				case "page" -> {
					this.report.skipped(item, "a page; static pages are the site's own texts");
					return false;
				}
				case "attachment" -> {
					this.report.count("attachments");
					if (this.uploads != WordPressUploads.NONE && !WordPressUploads.isPicture(item.attachmentUrl())) {
						this.report.skipped(item, "an attachment that is not a JPEG, PNG or WebP picture");
					}
					return false;
				}
				default -> {
					// menu items, revisions, custom types: nothing of ours
					this.report.count("other items");
					return false;
				}
			}
			if (item.problem() != null) {
				this.report.skipped(item, item.problem());
				return false;
			}
			switch (item.status()) {
				case "publish", "future", "draft", "pending" -> {
					return true;
				}
				case "private" -> this.report.skipped(item, "private on the old site");
				case "trash" -> this.report.skipped(item, "in the old site's trash");
				default -> this.report.skipped(item, "status '" + item.status() + "'");
			}
			return false;
		}

		void write(List<WxrItem> items) {
			if (items.isEmpty()) {
				return;
			}
			// pictures are stored outside the batch's transaction, each recorded at once,
			// so
			// that a batch that fails leaves none behind unknown
			this.shown.clear();
			for (WxrItem item : items) {
				String edition = edition(item);
				this.shown.put(item.id(), show(item, (edition != null) ? edition : this.options.edition()));
			}
			WordPressImport.this.transactions.executeWithoutResult((status) -> writeBatch(items));
		}

		// the body with the uploads' pictures as the media library's figures, and the
		// lead
		// picture
		private Shown show(WxrItem item, String edition) {
			String body = WordPressBodies.html(item.content());
			if (this.uploads == WordPressUploads.NONE) {
				return new Shown(body, null, "");
			}
			Long lead = null;
			String leadCaption = "";
			WxrItem thumbnail = this.attachments.get(number(item.meta().get("_thumbnail_id")));
			if (thumbnail != null) {
				leadCaption = plain(thumbnail.excerpt());
				lead = picture(item, thumbnail.attachmentUrl(), leadCaption.isEmpty()
						? thumbnail.meta().getOrDefault("_wp_attachment_image_alt", "") : leadCaption, edition);
			}
			if (!body.contains("<img")) {
				return new Shown(body, lead, leadCaption);
			}
			Document html = Jsoup.parseBodyFragment(body);
			html.outputSettings().prettyPrint(false);
			for (Element img : html.select("img[src]")) {
				Element figure = img.closest("figure");
				String caption = (figure != null) ? figure.select("figcaption").text() : "";
				String words = caption.isEmpty() ? img.attr("alt") : caption;
				Long image = picture(item, img.attr("src"), words, edition);
				String ours = (image != null) ? WordPressImport.this.writes.figure(image, words).orElse(null) : null;
				if (ours == null) {
					continue;
				}
				Element replaced = (figure != null) ? figure
						: (img.parent() != null && img.parent().nameIs("a")) ? img.parent() : img;
				Element paragraph = replaced.closest("p");
				if (paragraph != null && paragraph != replaced) {
					// a figure cannot stand in a paragraph: it follows it
					paragraph.after(ours);
					replaced.remove();
					if (paragraph.text().isBlank() && paragraph.select("img, iframe").isEmpty()) {
						paragraph.remove();
					}
				}
				else {
					replaced.after(ours);
					replaced.remove();
				}
			}
			return new Shown(html.body().html(), lead, leadCaption);
		}

		// a picture of the uploads folder in the media library, stored once per file
		private Long picture(WxrItem item, String url, String caption, String edition) {
			Optional<String> file = this.uploads.fileOf(url);
			if (file.isEmpty()) {
				if (url != null && url.contains("/wp-content/uploads/")) {
					this.report.note(item, "picture not in the uploads folder: " + url);
				}
				return null;
			}
			if (this.pictures.containsKey(file.get())) {
				return this.pictures.get(file.get());
			}
			Mapped known = find("media", key(file.get()));
			if (known != null) {
				this.pictures.put(file.get(), known.articleId());
				return known.articleId();
			}
			Long stored = null;
			try (InputStream in = this.uploads.open(file.get())) {
				stored = WordPressImport.this.media.upload(in, edition, clip(caption, 500), "", ArchiveWrites.BY).id();
				rememberPicture(file.get(), stored);
				this.report.count(ImportReport.PICTURES);
			}
			catch (UploadRefusedException ex) {
				this.report.note(item, "picture " + file.get() + " not taken: " + WordPressImport.this.messages
					.getMessage(ex.text().key(), ex.text().args().toArray(), Locale.ENGLISH));
			}
			catch (IOException ex) {
				this.report.note(item, "picture " + file.get() + " could not be read: " + ex.getMessage());
			}
			this.pictures.put(file.get(), stored);
			return stored;
		}

		private void rememberPicture(String file, long imageId) {
			WordPressImport.this.jdbc.sql("""
					INSERT INTO import_sources (source, kind, source_key, local_id, version, digest, imported_at)
					VALUES (:source, 'media', :key, :id, 0, '', :now)""")
				.param("source", this.source)
				.param("key", key(file))
				.param("id", imageId)
				.param("now", now())
				.update();
		}

		// a file's name as import_sources keeps it: its end, where it is longer than 200
		private static String key(String file) {
			return (file.length() > 200) ? file.substring(file.length() - 200) : file;
		}

		private void writeBatch(List<WxrItem> items) {
			List<WxrItem> taken = new ArrayList<>();
			List<ArchiveArticle> articles = new ArrayList<>();
			List<String> digests = new ArrayList<>();
			List<Mapped> mapped = new ArrayList<>();
			for (WxrItem item : items) {
				Optional<ArchiveArticle> article = article(item);
				if (article.isEmpty()) {
					continue;
				}
				String digest = digest(article.get(), item);
				Mapped before = mapped(item.id());
				if (before != null && before.digest().equals(digest)) {
					this.report.count(ImportReport.UNCHANGED);
					continue;
				}
				ArchiveArticle a = article.get();
				if (before != null) {
					a = new ArchiveArticle(before.articleId(), before.version(), null, a.edition(), a.status(), a.at(),
							a.slug(), a.headline(), a.lead(), a.bodyHtml(), a.seoDescription(), a.sectionId(),
							a.authorIds(), a.tags(), a.leadImageId(), a.leadImageCaption());
				}
				taken.add(item);
				articles.add(a);
				digests.add(digest);
				mapped.add(before);
			}
			List<ArchiveWrites.Written> written = WordPressImport.this.writes.write(Origin.IMPORT, articles);
			for (int i = 0; i < written.size(); i++) {
				WxrItem item = taken.get(i);
				ArchiveWrites.Written one = written.get(i);
				if (one.refused() != null) {
					this.report.skipped(item, one.refused());
					continue;
				}
				this.report.count((mapped.get(i) == null) ? ImportReport.IMPORTED : ImportReport.UPDATED);
				if (item.sticky()) {
					// the site has no pinned articles: the editors decide what leads the
					// home
					this.report.count(ImportReport.STICKY);
					this.report.note(item, "sticky on the old site");
				}
				if (linksHome(articles.get(i).bodyHtml())) {
					this.linking.add(one.id());
				}
				one.notes().forEach((note) -> this.report.note(item, note));
				remember(item.id(), one, digests.get(i), mapped.get(i) != null);
				if (one.path() != null) {
					for (String old : oldAddresses(item)) {
						keep(old, one.path());
					}
				}
			}
		}

		private Optional<ArchiveArticle> article(WxrItem item) {
			String edition = edition(item);
			if (edition == null) {
				this.report.skipped(item, "its language '" + item.language() + "' is none of this site's editions");
				return Optional.empty();
			}
			ArticleStatus status = switch (item.status()) {
				case "publish" -> ArticleStatus.PUBLISHED;
				case "future" -> ArticleStatus.SCHEDULED;
				default -> ArticleStatus.DRAFT;
			};
			Instant at = time(item);
			if (status != ArticleStatus.DRAFT && at == null) {
				this.report.skipped(item, "it has no date");
				return Optional.empty();
			}
			List<String> tags = new ArrayList<>();
			long section = section(item, tags);
			item.tags().forEach((tag) -> tags.add(tag.name().isBlank() ? tag.slug() : tag.name()));
			this.tagsUsed.addAll(item.tags().stream().map(WxrSite.Term::slug).toList());
			List<Long> byline = new ArrayList<>();
			Long author = byline(item.creator());
			if (author != null) {
				byline.add(author);
			}
			Long story = item.translationGroup().isEmpty() ? null : story(item.translationGroup());
			Shown shown = this.shown.get(item.id());
			return Optional.of(new ArchiveArticle(null, 0, story, edition, status,
					(status == ArticleStatus.DRAFT) ? null : at, item.slug(), item.title(), plain(item.excerpt()),
					shown.body(), description(item), section, byline, tags, shown.leadImage(), shown.leadCaption()));
		}

		private String edition(WxrItem item) {
			String language = item.language();
			if (language.isEmpty()) {
				return this.options.edition();
			}
			String mappedTo = this.options.languages().get(language);
			if (mappedTo != null) {
				return mappedTo;
			}
			return WordPressImport.this.editions.all()
				.stream()
				.filter((e) -> e.code().equals(language) || e.language().equals(language)
						|| e.locale().toLanguageTag().equalsIgnoreCase(language.replace('_', '-')))
				.map(Edition::code)
				.findFirst()
				.orElse(null);
		}

		// UTC as WordPress keeps it; a draft never dated has only the site's local time
		private Instant time(WxrItem item) {
			if (item.publishedAt() != null) {
				return item.publishedAt();
			}
			try {
				return LocalDateTime.parse(item.localDate(), WORDPRESS_DATE)
					.atZone(WordPressImport.this.site.timeZone())
					.toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

		// The first category gives the section; a child category and the categories after
		// the first are kept as tags
		private long section(WxrItem item, List<String> tags) {
			List<String> slugs = item.categories();
			if (slugs.isEmpty()) {
				return sectionOf(new WxrSite.Term("", "", ""));
			}
			for (int i = 0; i < slugs.size(); i++) {
				WxrSite.Term term = term(slugs.get(i));
				WxrSite.Term top = top(term);
				if (i == 0) {
					if (top != term && !this.options.sections().containsKey(term.slug())) {
						tags.add(term.name());
					}
				}
				else {
					tags.add(term.name());
				}
			}
			WxrSite.Term first = term(slugs.get(0));
			return this.options.sections().containsKey(first.slug()) ? sectionOf(first) : sectionOf(top(first));
		}

		private WxrSite.Term term(String slug) {
			return this.categories.getOrDefault(slug, new WxrSite.Term(slug, slug, ""));
		}

		private WxrSite.Term top(WxrSite.Term term) {
			WxrSite.Term at = term;
			// a parent chain that loops ends where it began
			for (int depth = 0; depth < 20 && !at.parent().isEmpty() && this.categories.containsKey(at.parent())
					&& !this.options.sections().containsKey(at.slug()); depth++) {
				at = this.categories.get(at.parent());
			}
			return at;
		}

		private long sectionOf(WxrSite.Term category) {
			return this.sectionIds.computeIfAbsent(category.slug(), (slug) -> {
				String mapped = this.options.sections().get(slug);
				if (mapped != null) {
					this.sectionSlugs.put(slug, mapped);
					return WordPressImport.this.writes.sectionId(mapped).orElseThrow();
				}
				String ours = Slugs.slugify(slug);
				if (ours.isEmpty()) {
					ours = Slugs.slugify(category.name());
				}
				if (ours.isEmpty()) {
					// no category at all: the first section of the navigation
					ours = WordPressImport.this.jdbc.sql("SELECT slug FROM sections ORDER BY position LIMIT 1")
						.query(String.class)
						.single();
				}
				ours = Slugs.truncate(ours, Slugs.MAX_LENGTH);
				this.sectionSlugs.put(slug, ours);
				if (WordPressImport.this.writes.sectionId(ours).isEmpty()) {
					this.report.count(ImportReport.SECTIONS_CREATED);
				}
				return WordPressImport.this.writes.section(ours, category.name().isBlank() ? ours : category.name());
			});
		}

		private Long byline(String login) {
			if (login == null || login.isBlank()) {
				return null;
			}
			return this.bylineIds.computeIfAbsent(login, (key) -> {
				WxrSite.Author author = this.authors.get(key);
				String name = (author != null && !author.displayName().isBlank()) ? author.displayName() : key;
				String slug = Slugs.truncate(Slugs.slugify(name.equals(key) ? key : name), Slugs.MAX_LENGTH);
				if (slug.isEmpty()) {
					return null;
				}
				this.report.count(ImportReport.BYLINES);
				return WordPressImport.this.writes.byline(slug, name);
			});
		}

		private long story(String group) {
			Mapped known = find("story", group);
			if (known != null) {
				return known.articleId();
			}
			long story = WordPressImport.this.writes.createStory();
			WordPressImport.this.jdbc.sql("""
					INSERT INTO import_sources (source, kind, source_key, local_id, version, digest, imported_at)
					VALUES (:source, 'story', :key, :id, 0, '', :now)""")
				.param("source", this.source)
				.param("key", group)
				.param("id", story)
				.param("now", now())
				.update();
			return story;
		}

		private Mapped mapped(long postId) {
			return find("post", Long.toString(postId));
		}

		private Mapped find(String kind, String key) {
			return WordPressImport.this.jdbc.sql(
					"SELECT local_id, version, digest FROM import_sources WHERE source = :source AND kind = :kind AND source_key = :key")
				.param("source", this.source)
				.param("kind", kind)
				.param("key", key)
				.query((rs, n) -> new Mapped(rs.getLong("local_id"), rs.getInt("version"), rs.getString("digest")))
				.optional()
				.orElse(null);
		}

		private void remember(long postId, ArchiveWrites.Written written, String digest, boolean known) {
			String sql = known ? """
					UPDATE import_sources SET local_id = :id, version = :version, digest = :digest, imported_at = :now
					WHERE source = :source AND kind = 'post' AND source_key = :key""" : """
					INSERT INTO import_sources (source, kind, source_key, local_id, version, digest, imported_at)
					VALUES (:source, 'post', :key, :id, :version, :digest, :now)""";
			WordPressImport.this.jdbc.sql(sql)
				.param("source", this.source)
				.param("key", Long.toString(postId))
				.param("id", written.id())
				.param("version", written.version())
				.param("digest", digest)
				.param("now", now())
				.update();
		}

		// the permalink, the guid and /?p=ID: the ways the old site linked to the post
		private Set<String> oldAddresses(WxrItem item) {
			Set<String> addresses = new LinkedHashSet<>();
			for (String link : List.of(item.link(), item.guid())) {
				String path = pathOn(link);
				if (path != null) {
					addresses.add(path);
				}
			}
			addresses.add("/?p=" + item.id());
			return addresses;
		}

		// a link of the old site as a path; null for one elsewhere
		private String pathOn(String link) {
			if (link == null || link.isBlank()) {
				return null;
			}
			String text = link.strip();
			if (text.startsWith("/")) {
				return text;
			}
			String host = hostOf(text);
			return (host != null && host.equalsIgnoreCase(this.host)) ? pathAfterHost(text) : null;
		}

		private void keep(String from, String to) {
			switch (WordPressImport.this.redirects.keepImported(from, to)) {
				case ADDED -> this.report.count(ImportReport.REDIRECTS_ADDED);
				case UPDATED -> this.report.count(ImportReport.REDIRECTS_UPDATED);
				case UNCHANGED, NOT_AN_ADDRESS -> {
				}
				case EDITORS -> this.report.count("redirects kept as editors set them");
			}
		}

		private boolean linksHome(String body) {
			return body.contains("?p=") || (this.host != null && body.contains(this.host));
		}

		// Links between the imported posts, to their new addresses: once every post of
		// the
		// file has its redirect, so a link to a post further on finds it too
		void relink() {
			for (int from = 0; from < this.linking.size(); from += BATCH) {
				List<Long> ids = this.linking.subList(from, Math.min(this.linking.size(), from + BATCH));
				Map<Long, String> changed = new HashMap<>();
				WordPressImport.this.writes.bodies(ids).forEach((id, body) -> {
					String relinked = relinked(body);
					if (!relinked.equals(body)) {
						changed.put(id, relinked);
					}
				});
				if (!changed.isEmpty()) {
					WordPressImport.this.transactions
						.executeWithoutResult((status) -> WordPressImport.this.writes.relink(Origin.IMPORT, changed));
					changed.keySet().forEach((id) -> this.report.count(ImportReport.RELINKED));
				}
			}
		}

		private String relinked(String body) {
			Document html = Jsoup.parseBodyFragment(body);
			html.outputSettings().prettyPrint(false);
			boolean any = false;
			for (Element link : html.select("a[href]")) {
				String href = link.attr("href");
				String path = pathOn(href);
				if (path == null || path.startsWith("/wp-content/")) {
					continue;
				}
				int hash = path.indexOf('#');
				String fragment = (hash >= 0) ? path.substring(hash) : "";
				String address = (hash >= 0) ? path.substring(0, hash) : path;
				int question = address.indexOf('?');
				Optional<String> moved = WordPressImport.this.redirects.find(
						(question >= 0) ? address.substring(0, question) : address,
						(question >= 0) ? address.substring(question + 1) : null);
				if (moved.isPresent()) {
					link.attr("href", moved.get() + fragment);
					any = true;
				}
			}
			return any ? html.body().html() : body;
		}

		// /category/parent/child/ to the section (a child: its tag), /tag/slug/ to the
		// tag
		void termRedirects() {
			String edition = this.options.edition();
			for (WxrSite.Term category : this.wxr.categories()) {
				String section = this.sectionSlugs.get(top(category).slug());
				if (section == null) {
					continue;
				}
				String path = "/category/" + categoryPath(category) + "/";
				if (top(category) != category && !this.options.sections().containsKey(category.slug())) {
					String tag = Slugs.slugify(category.name());
					if (!tag.isEmpty()) {
						keep(path, "/" + edition + "/tag/" + tag);
					}
				}
				else {
					keep(path, "/" + edition + "/section/" + this.sectionSlugs.getOrDefault(category.slug(), section));
				}
			}
			for (WxrSite.Term tag : this.wxr.tags()) {
				String ours = Slugs.slugify(tag.name().isBlank() ? tag.slug() : tag.name());
				if (this.tagsUsed.contains(tag.slug()) && !ours.isEmpty()) {
					keep("/tag/" + tag.slug() + "/", "/" + edition + "/tag/" + ours);
				}
			}
		}

		private String categoryPath(WxrSite.Term category) {
			List<String> parts = new ArrayList<>();
			WxrSite.Term at = category;
			for (int depth = 0; depth < 20 && at != null; depth++) {
				parts.add(0, at.slug());
				at = at.parent().isEmpty() ? null : this.categories.get(at.parent());
			}
			return String.join("/", parts);
		}

	}

	private static String description(WxrItem item) {
		for (String key : List.of("_yoast_wpseo_metadesc", "rank_math_description", "_aioseo_description")) {
			String value = item.meta().get(key);
			if (value != null && !value.isBlank()) {
				return plain(value);
			}
		}
		return "";
	}

	private static String plain(String html) {
		return (html == null || html.isBlank()) ? "" : Jsoup.parse(html).text();
	}

	// the old site as import_sources names it: its address without the scheme
	private static String sourceOf(String baseUrl) {
		String text = (baseUrl != null) ? baseUrl.strip().replaceFirst("(?i)^https?://", "") : "";
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return text.isEmpty() ? "wordpress" : text.substring(0, Math.min(300, text.length()));
	}

	private static String hostOf(String url) {
		if (url == null) {
			return null;
		}
		var matcher = HOST.matcher(url.strip());
		return matcher.find() ? matcher.group(1).replaceFirst("(?i)^www\\.", "") : null;
	}

	private static String pathAfterHost(String url) {
		var matcher = AFTER_HOST.matcher(url);
		if (!matcher.matches()) {
			return null;
		}
		String rest = matcher.group(1);
		return rest.isEmpty() ? "/" : rest.startsWith("/") ? rest : "/" + rest;
	}

	// what the article was made from: when it is the same, a second run leaves it alone
	private static String digest(ArchiveArticle article, WxrItem item) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Object part : List.of(article.edition(), article.status(), String.valueOf(article.at()),
					String.valueOf(article.slug()), article.headline(), article.lead(), article.bodyHtml(),
					article.seoDescription(), article.sectionId(), article.authorIds(), article.tags(),
					item.translationGroup(), item.link())) {
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * @param articleId the article, story or image it became
	 */
	private record Mapped(long articleId, int version, String digest) {
	}

	private record Shown(String body, Long leadImage, String leadCaption) {
	}

	private static long number(String value) {
		try {
			return (value != null) ? Long.parseLong(value.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String clip(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	private static final class CountingStream extends FilterInputStream {

		private long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		long count() {
			return this.count;
		}

	}

}
