package io.qalam.site;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.qalam.content.PublishedArticles;
import io.qalam.content.SectionRef;
import io.qalam.content.Sections;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.PlainText;
import io.qalam.platform.web.PublicChrome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sitemaps for search engines: an index, the fixed pages of every edition, all published
 * articles in pages of at most 50,000 addresses, each with its hreflang alternates; a
 * Google News sitemap of the last 48 hours; and {@code robots.txt} pointing to both.
 */
@RestController
class SitemapController {

	private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

	private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private static final Duration NEWS_WINDOW = Duration.ofHours(48);

	// Google News reads at most this many articles from one news sitemap
	private static final int NEWS_LIMIT = 1000;

	private static final List<String> FIXED_PAGES = List.of("contacts", "advertising", "rates", "weather");

	private final PublicChrome chrome;

	private final Editions editions;

	private final Sections sections;

	private final PublishedArticles articles;

	private final Clock clock;

	private final int pageSize;

	SitemapController(PublicChrome chrome, Editions editions, Sections sections, PublishedArticles articles,
			Clock clock, @Value("${qalam.site.sitemap-page-size:50000}") int pageSize) {
		this.chrome = chrome;
		this.editions = editions;
		this.sections = sections;
		this.articles = articles;
		this.clock = clock;
		this.pageSize = Math.max(1, Math.min(pageSize, 50_000));
	}

	@GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
	String robots(HttpServletResponse response) {
		CachePolicy.publicPage(response, PageKeys.global("robots"));
		return """
				User-agent: *
				Allow: /
				Disallow: /newsroom
				Disallow: /*/preview/
				Sitemap: %s
				Sitemap: %s
				""".formatted(this.chrome.absolute("/sitemap.xml"), this.chrome.absolute("/news-sitemap.xml"));
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> index(HttpServletResponse response) {
		long pages = (this.articles.countPublished() + this.pageSize - 1) / this.pageSize;
		return xml(response, (w) -> {
			w.writeStartElement("sitemapindex");
			w.writeDefaultNamespace(SITEMAP_NS);
			sitemap(w, "/sitemaps/pages.xml");
			for (long n = 1; n <= pages; n++) {
				sitemap(w, "/sitemaps/articles-" + n + ".xml");
			}
			w.writeEndElement();
		});
	}

	@GetMapping("/sitemaps/pages.xml")
	ResponseEntity<String> fixedPages(HttpServletResponse response) {
		List<Edition> all = this.editions.all();
		return xml(response, (w) -> {
			urlset(w, false);
			for (Edition ed : all) {
				url(w, "/" + ed.code() + "/", null, everyEdition(all, (e) -> "/" + e.code() + "/"));
				for (SectionRef section : this.sections.all(ed.code())) {
					url(w, section.path(ed.code()), null, everyEdition(all, (e) -> section.path(e.code())));
				}
				for (String page : FIXED_PAGES) {
					url(w, "/" + ed.code() + "/" + page, null, everyEdition(all, (e) -> "/" + e.code() + "/" + page));
				}
			}
			w.writeEndElement();
		});
	}

	@GetMapping("/sitemaps/articles-{page:\\d{1,6}}.xml")
	ResponseEntity<String> articles(@PathVariable int page, HttpServletResponse response) {
		if (page < 1) {
			throw new PageNotFoundException();
		}
		List<PublishedArticles.Listed> listed = this.articles.listed((page - 1) * this.pageSize, this.pageSize);
		if (listed.isEmpty()) {
			throw new PageNotFoundException();
		}
		return xml(response, (w) -> {
			urlset(w, false);
			for (PublishedArticles.Listed article : listed) {
				url(w, article.path(), article.modifiedAt(),
						(article.versions().size() > 1) ? article.versions() : null);
			}
			w.writeEndElement();
		});
	}

	@GetMapping("/news-sitemap.xml")
	ResponseEntity<String> news(HttpServletRequest request, HttpServletResponse response) {
		List<PublishedArticles.Listed> recent = this.articles.publishedSince(this.clock.instant().minus(NEWS_WINDOW),
				NEWS_LIMIT);
		if (!recent.isEmpty()) {
			// the oldest article leaves the news sitemap when it ages out of the window
			CachePolicy.keepUntil(request, recent.get(recent.size() - 1).publishedAt().plus(NEWS_WINDOW));
		}
		return xml(response, (w) -> {
			urlset(w, true);
			for (PublishedArticles.Listed article : recent) {
				w.writeStartElement("url");
				element(w, "loc", this.chrome.absolute(article.path()));
				w.writeStartElement("news", "news", NEWS_NS);
				w.writeStartElement("news", "publication", NEWS_NS);
				w.writeStartElement("news", "name", NEWS_NS);
				w.writeCharacters(this.chrome.siteName());
				w.writeEndElement();
				w.writeStartElement("news", "language", NEWS_NS);
				w.writeCharacters(
						this.editions.find(article.edition()).map(Edition::language).orElse(article.edition()));
				w.writeEndElement();
				w.writeEndElement();
				w.writeStartElement("news", "publication_date", NEWS_NS);
				w.writeCharacters(DateTimeFormatter.ISO_INSTANT.format(article.publishedAt()));
				w.writeEndElement();
				w.writeStartElement("news", "title", NEWS_NS);
				w.writeCharacters(PlainText.clean(article.headline()));
				w.writeEndElement();
				w.writeEndElement();
				w.writeEndElement();
			}
			w.writeEndElement();
		});
	}

	private Map<String, String> everyEdition(List<Edition> all, java.util.function.Function<Edition, String> path) {
		Map<String, String> links = new java.util.LinkedHashMap<>();
		all.forEach((e) -> links.put(e.code(), path.apply(e)));
		return links;
	}

	private void sitemap(XMLStreamWriter w, String path) throws XMLStreamException {
		w.writeStartElement("sitemap");
		element(w, "loc", this.chrome.absolute(path));
		w.writeEndElement();
	}

	private static void urlset(XMLStreamWriter w, boolean news) throws XMLStreamException {
		w.writeStartElement("urlset");
		w.writeDefaultNamespace(SITEMAP_NS);
		w.writeNamespace("xhtml", XHTML_NS);
		if (news) {
			w.writeNamespace("news", NEWS_NS);
		}
	}

	// One address; alternates are edition code to path, the page itself included
	private void url(XMLStreamWriter w, String path, Instant modified, Map<String, String> alternates)
			throws XMLStreamException {
		w.writeStartElement("url");
		element(w, "loc", this.chrome.absolute(path));
		if (modified != null) {
			element(w, "lastmod", DateTimeFormatter.ISO_INSTANT.format(modified));
		}
		if (alternates != null) {
			for (Map.Entry<String, String> alternate : alternates.entrySet()) {
				w.writeEmptyElement("xhtml", "link", XHTML_NS);
				w.writeAttribute("rel", "alternate");
				w.writeAttribute("hreflang",
						this.editions.find(alternate.getKey()).map(Edition::language).orElse(alternate.getKey()));
				w.writeAttribute("href", this.chrome.absolute(alternate.getValue()));
			}
		}
		w.writeEndElement();
	}

	// Texts are cleaned as they are written: articles saved before control characters
	// were
	// refused at input may still hold some
	private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
		w.writeStartElement(name);
		w.writeCharacters(PlainText.clean(text));
		w.writeEndElement();
	}

	private ResponseEntity<String> xml(HttpServletResponse response, Body body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			body.write(w);
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The sitemap could not be written", ex);
		}
		CachePolicy.publicPage(response, PageKeys.global(PageKeys.SITEMAPS));
		return ResponseEntity.ok().contentType(XML).body(out.toString());
	}

	@FunctionalInterface
	private interface Body {

		void write(XMLStreamWriter writer) throws XMLStreamException;

	}

}
