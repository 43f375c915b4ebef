package io.qalam.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.qalam.content.ArticleSummary;
import io.qalam.content.PublishedArticles;
import io.qalam.content.SectionRef;
import io.qalam.content.Sections;
import io.qalam.edition.Edition;
import io.qalam.edition.Slugs;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.PlainText;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.PublicChrome;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * RSS 2.0 and Atom feeds of an edition and of each section: the latest 50 published
 * articles with headline, lead, link, dates and the lead image as an enclosure, in the
 * edition's language. Written by ROME.
 */
@RestController
class FeedController {

	private static final int ITEMS = 50;

	private static final int IMAGE_WIDTH = 960;

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final PublicChrome chrome;

	private final PublishedArticles articles;

	private final Sections sections;

	private final MediaLibrary media;

	FeedController(PublicChrome chrome, PublishedArticles articles, Sections sections, MediaLibrary media) {
		this.chrome = chrome;
		this.articles = articles;
		this.sections = sections;
		this.media = media;
	}

	@GetMapping("/{edition:[a-z]{2,3}}/rss.xml")
	ResponseEntity<String> editionRss(@PathVariable String edition, HttpServletResponse response) {
		return feed(edition, null, "rss_2.0", response);
	}

	@GetMapping("/{edition:[a-z]{2,3}}/atom.xml")
	ResponseEntity<String> editionAtom(@PathVariable String edition, HttpServletResponse response) {
		return feed(edition, null, "atom_1.0", response);
	}

	@GetMapping("/{edition:[a-z]{2,3}}/section/{slug}/rss.xml")
	ResponseEntity<String> sectionRss(@PathVariable String edition, @PathVariable String slug,
			HttpServletResponse response) {
		return feed(edition, slug, "rss_2.0", response);
	}

	@GetMapping("/{edition:[a-z]{2,3}}/section/{slug}/atom.xml")
	ResponseEntity<String> sectionAtom(@PathVariable String edition, @PathVariable String slug,
			HttpServletResponse response) {
		return feed(edition, slug, "atom_1.0", response);
	}

	private ResponseEntity<String> feed(String edition, String sectionSlug, String type, HttpServletResponse response) {
		Edition ed = this.chrome.edition(edition);
		SectionRef section = null;
		if (sectionSlug != null) {
			if (!Slugs.isWellFormed(sectionSlug)) {
				throw new PageNotFoundException();
			}
			section = this.sections.find(ed.code(), sectionSlug).orElseThrow(PageNotFoundException::new);
		}
		Messages m = this.chrome.messages(ed);
		String home = this.chrome.absolute("/" + ed.code() + "/");
		String page = (section != null) ? this.chrome.absolute(section.path(ed.code())) : home;
		String self = this.chrome.absolute(
				(section != null) ? section.path(ed.code()) + "/" + file(type) : "/" + ed.code() + "/" + file(type));
		List<ArticleSummary> latest = this.articles.latest(ed.code(), section, ITEMS);

		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(PlainText
			.clean((section != null) ? section.name() + " — " + this.chrome.siteName() : this.chrome.siteName()));
		feed.setDescription(m.get("home.description"));
		feed.setLink(page);
		feed.setUri(self);
		feed.setLanguage(ed.language());
		SyndLink selfLink = new SyndLinkImpl();
		selfLink.setRel("self");
		selfLink.setHref(self);
		selfLink.setType(type.startsWith("rss") ? "application/rss+xml" : "application/atom+xml");
		SyndLink alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setHref(page);
		alternate.setType("text/html");
		feed.setLinks(List.of(alternate, selfLink));
		feed.setPublishedDate(latest.isEmpty() ? new Date(0) : Date.from(latest.get(0).publishedAt()));
		List<SyndEntry> entries = new ArrayList<>();
		Map<Long, List<String>> bylines = this.articles.bylines(latest.stream().map(ArticleSummary::id).toList());
		for (ArticleSummary article : latest) {
			entries.add(entry(article, bylines.getOrDefault(article.id(), List.of()), type.startsWith("rss")));
		}
		feed.setEntries(entries);
		String xml;
		try {
			xml = new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The feed could not be written", ex);
		}
		PageKeys keys = PageKeys.of(ed.code()).articles(latest);
		if (section != null) {
			keys.section(section.id()).sectionList(ed.code(), section.id());
		}
		else {
			keys.latest(ed.code());
		}
		CachePolicy.publicPage(response, keys);
		return ResponseEntity.ok().contentType(type.startsWith("rss") ? RSS : ATOM).body(xml);
	}

	// RSS readers take <description> as HTML, so the plain lead is escaped for HTML there
	// (and once more for XML by ROME); Atom says type="text" and gets it as it is
	private static SyndContent lead(String lead, boolean rss) {
		SyndContent content = new SyndContentImpl();
		content.setType(rss ? "text/html" : "text/plain");
		content.setValue(rss ? HtmlUtils.htmlEscape(lead, "UTF-8") : lead);
		return content;
	}

	private SyndEntry entry(ArticleSummary article, List<String> byline, boolean rss) {
		SyndEntry entry = new SyndEntryImpl();
		String url = this.chrome.absolute(article.path());
		entry.setTitle(PlainText.clean(article.headline()));
		entry.setLink(url);
		entry.setUri(url);
		entry.setPublishedDate(Date.from(article.publishedAt()));
		entry.setUpdatedDate(Date.from(article.publishedAt()));
		entry.setDescription(lead(PlainText.clean(article.lead()), rss));
		entry.setCategories(List.of(category(PlainText.clean(article.section().name()))));
		// every author: Atom names each one, RSS carries them as its creator (dc:creator)
		if (!byline.isEmpty()) {
			if (rss) {
				entry.setAuthor(PlainText.clean(String.join(", ", byline)));
			}
			else {
				entry.setAuthors(byline.stream().map((name) -> {
					SyndPerson person = new SyndPersonImpl();
					person.setName(PlainText.clean(name));
					return person;
				}).toList());
			}
		}
		ImageView image = article.image();
		if (image != null) {
			int width = Math.min(IMAGE_WIDTH, image.largest());
			String imageUrl = this.chrome.absolute(image.url(width));
			int chosen = Integer.parseInt(imageUrl.replaceAll(".*/(\\d+)\\.jpg$", "$1"));
			SyndEnclosure enclosure = new SyndEnclosureImpl();
			enclosure.setUrl(imageUrl);
			enclosure.setType("image/jpeg");
			enclosure.setLength(size(image.id(), chosen));
			entry.setEnclosures(List.of(enclosure));
		}
		return entry;
	}

	private long size(long imageId, int width) {
		return this.media.variantFile(imageId, width, "jpg").map((Path file) -> {
			try {
				return Files.size(file);
			}
			catch (IOException ex) {
				return 0L;
			}
		}).orElse(0L);
	}

	private static com.rometools.rome.feed.synd.SyndCategory category(String name) {
		com.rometools.rome.feed.synd.SyndCategory category = new com.rometools.rome.feed.synd.SyndCategoryImpl();
		category.setName(name);
		return category;
	}

	private static String file(String type) {
		return type.startsWith("rss") ? "rss.xml" : "atom.xml";
	}

}
