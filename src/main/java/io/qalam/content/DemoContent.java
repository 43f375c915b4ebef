package io.qalam.content;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.edition.Editions;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo content a new install shows, so that the site is not empty: authors and
 * stories kept as text files under {@code demo/}, written for Qalam, with pictures drawn
 * at start. Written as published through {@link BulkWrites}, with origin {@code DEMO}.
 *
 * <p>
 * On by default for the embedded H2 database and off for an outside database;
 * {@code qalam.demo.enabled} decides either way.
 */
@Component
class DemoContent {

	private final ArticleStore store;

	private final BulkWrites bulk;

	private final Sections sections;

	private final MediaLibrary media;

	private final Editions editions;

	private final Clock clock;

	private final Environment environment;

	private final LiveBlogs liveBlogs;

	DemoContent(ArticleStore store, BulkWrites bulk, Sections sections, MediaLibrary media, Editions editions,
			Clock clock, Environment environment, LiveBlogs liveBlogs) {
		this.liveBlogs = liveBlogs;
		this.store = store;
		this.bulk = bulk;
		this.sections = sections;
		this.media = media;
		this.editions = editions;
		this.clock = clock;
		this.environment = environment;
	}

	boolean enabled() {
		String setting = this.environment.getProperty("qalam.demo.enabled", "").strip();
		if (!setting.isEmpty()) {
			return Boolean.parseBoolean(setting);
		}
		return this.environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}

	/** Loads all demo authors and stories. Runs inside one transaction, once. */
	void load() {
		Map<String, Long> authors = new HashMap<>();
		for (Map.Entry<String, Map<String, ArticleStore.AuthorName>> author : DemoFiles
			.authors(read(resources("classpath:demo/authors.txt")[0]))
			.entrySet()) {
			Map<String, ArticleStore.AuthorName> names = new LinkedHashMap<>(author.getValue());
			names.keySet().retainAll(this.editions.all().stream().map((e) -> e.code()).toList());
			authors.put(author.getKey(), this.store.createAuthor(author.getKey(), names));
		}
		Instant now = this.clock.instant();
		List<NewArticle> articles = new ArrayList<>();
		List<List<DemoFiles.LiveLine>> live = new ArrayList<>();
		for (Resource file : resources("classpath:demo/stories/*.txt")) {
			DemoFiles.Story story = DemoFiles.story(file.getFilename(), read(file));
			articles.addAll(loadStory(story, authors, now, live));
		}
		List<Long> ids = this.bulk.insertPublished(ArticleEvent.Origin.DEMO, articles);
		for (int i = 0; i < ids.size(); i++) {
			if (!live.get(i).isEmpty()) {
				this.liveBlogs.demo(ids.get(i), articles.get(i).publishedAt(),
						live.get(i)
							.stream()
							.map((l) -> new LiveBlogs.DemoEntry(
									now.minus(Duration.ofSeconds(Math.round(l.minutesAgo() * 60))), l.text()))
							.toList());
			}
		}
	}

	// live: for each article returned, its live blog's entries (empty for most)
	private List<NewArticle> loadStory(DemoFiles.Story story, Map<String, Long> authors, Instant now,
			List<List<DemoFiles.LiveLine>> live) {
		List<DemoFiles.Translation> translations = story.translations()
			.stream()
			.filter((t) -> this.editions.find(t.edition()).isPresent())
			.toList();
		if (translations.isEmpty()) {
			return List.of();
		}
		BufferedImage picture = DemoPictures.draw(story.picture(), story.name().hashCode());
		Map<String, ImageView.Caption> leadCaptions = new HashMap<>();
		Map<String, ImageView.Caption> inlineCaptions = new HashMap<>();
		for (DemoFiles.Translation t : translations) {
			leadCaptions.put(t.edition(), new ImageView.Caption(t.caption(), t.credit()));
			if (t.inlineCaption() != null) {
				inlineCaptions.put(t.edition(), new ImageView.Caption(t.inlineCaption(), t.credit()));
			}
		}
		ImageView lead = this.media.store(picture, leadCaptions);
		ImageView inline = null;
		if (story.inlinePicture() != null) {
			inline = this.media.store(DemoPictures.draw(story.inlinePicture(), story.name().hashCode() * 31 + 7),
					inlineCaptions);
		}
		long storyId = this.store.createStory();
		Long authorId = null;
		if (story.author() != null) {
			authorId = authors.get(story.author());
			if (authorId == null) {
				throw new IllegalStateException(story.name() + ": unknown author '" + story.author() + "'");
			}
		}
		Instant published = now.minus(Duration.ofMinutes(Math.round(story.hoursAgo() * 60)));
		List<NewArticle> articles = new ArrayList<>();
		for (DemoFiles.Translation t : translations) {
			SectionRef section = this.sections.find(t.edition(), story.section())
				.orElseThrow(
						() -> new IllegalStateException(story.name() + ": unknown section '" + story.section() + "'"));
			String body = t.body();
			if (inline != null) {
				body = body.replace("{{inline-photo}}", Figures.image(inline, t.inlineCaption()));
			}
			articles.add(new NewArticle(storyId, t.edition(), section.id(),
					(authorId != null) ? List.of(authorId) : List.of(), t.headline(), t.lead(), body, null, lead.id(),
					t.caption(), t.credit(), t.source(), published, t.tags()));
			live.add(t.live());
		}
		return articles;
	}

	private static Resource[] resources(String pattern) {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
			Arrays.sort(found, Comparator.comparing(Resource::getFilename));
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read demo file " + resource, ex);
		}
	}

}
