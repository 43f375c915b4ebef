package io.qalam.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.platform.web.PublicChrome;
import io.qalam.content.ArticlePage;
import io.qalam.content.ArticlePaths;
import io.qalam.content.ArticlePreviews;
import io.qalam.content.PublishedArticles;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.edition.Slugs;
import io.qalam.platform.PreviewTokens;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.PublicLayout;
import io.qalam.platform.web.PublicLayout.Link;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The article page. */
@Controller
class ArticleController {

	private final PublicChrome pages;

	private final PublishedArticles articles;

	private final ArticlePaths paths;

	private final Editions editions;

	private final JsonMapper json;

	private final ArticlePreviews previews;

	private final PreviewTokens tokens;

	ArticleController(PublicChrome pages, PublishedArticles articles, ArticlePaths paths, Editions editions,
			JsonMapper json, ArticlePreviews previews, PreviewTokens tokens) {
		this.previews = previews;
		this.tokens = tokens;
		this.pages = pages;
		this.articles = articles;
		this.paths = paths;
		this.editions = editions;
		this.json = json;
	}

	@GetMapping("/{edition:[a-z]{2,3}}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}")
	Object article(@PathVariable String edition, @PathVariable int year, @PathVariable int month, @PathVariable int day,
			@PathVariable String slug, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		if (!Slugs.isWellFormed(slug)) {
			throw new PageNotFoundException();
		}
		ArticlePage article = this.articles.article(ed.code(), slug).orElseThrow(PageNotFoundException::new);
		LocalDate published = this.paths.day(article.publishedAt());
		if (published.getYear() != year || published.getMonthValue() != month || published.getDayOfMonth() != day) {
			// CASE: right slug, wrong date (a mistyped or hand-made link): send to the
			// real address
			RedirectView redirect = new RedirectView(article.path());
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		String url = this.pages.absolute(article.path());
		PublicLayout layout = this.pages.page(ed, article.path(), article.headline())
			.description(article.description())
			.languages(languages(ed, article))
			.currentSection(article.section().slug())
			.social(socialCard(ed, article, url))
			.jsonLd(newsArticle(ed, article, url))
			.build();
		model.addAttribute("model",
				new ArticleModel(layout, article, ShareLinks.of(url, article.headline()), url, false, true));
		CachePolicy.publicPage(response, keys(ed, article));
		return "site/article";
	}

	/**
	 * The newsroom's preview: any article, as readers would see it, for whoever holds a
	 * short-lived signed token. Never cached, never indexed.
	 */
	@GetMapping("/{edition:[a-z]{2,3}}/preview/{id:\\d{1,18}}")
	String preview(@PathVariable String edition, @PathVariable long id,
			@RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		if (!this.tokens.isValid(id, token)) {
			throw new PageNotFoundException();
		}
		ArticlePreviews.Preview preview = this.previews.preview(id)
			.filter((p) -> p.page().edition().equals(ed.code()))
			.orElseThrow(PageNotFoundException::new);
		ArticlePage article = preview.page();
		String url = this.pages.absolute(article.path());
		PublicLayout layout = this.pages.page(ed, article.path(), article.headline())
			.description(article.description())
			.notIndexed()
			.currentSection(article.section().slug())
			.build();
		model.addAttribute("model", new ArticleModel(layout, article, ShareLinks.of(url, article.headline()), url, true,
				preview.seenByReaders()));
		CachePolicy.errorPage(response);
		return "site/article";
	}

	// The article, its story's other editions, its section, tags and author; and what
	// "Read also" draws from (see ArticlePage.readAlsoFollowsTheLatest)
	private static PageKeys keys(Edition edition, ArticlePage article) {
		String ed = edition.code();
		long section = article.section().id();
		PageKeys keys = PageKeys.of(ed).article(article.id()).story(article.storyId()).section(section);
		article.tags().forEach((tag) -> keys.tag(tag.id()).tagList(ed, tag.id()));
		article.authors().forEach((author) -> keys.author(author.id()));
		if (article.readAlsoFollowsTheLatest()) {
			keys.latest(ed);
		}
		return keys.sectionList(ed, section).articles(article.readAlso());
	}

	/** This edition and the editions the story is translated into, in edition order. */
	private List<Link> languages(Edition current, ArticlePage article) {
		List<Link> links = new ArrayList<>();
		for (Edition e : this.editions.all()) {
			if (e.equals(current)) {
				links.add(new Link(e.name(), article.path(), e.language(), true));
			}
			else {
				article.translations()
					.stream()
					.filter((t) -> t.edition().equals(e.code()))
					.findFirst()
					.ifPresent((t) -> links.add(new Link(e.name(), t.path(), e.language(), false)));
			}
		}
		return links;
	}

	private PublicLayout.SocialCard socialCard(Edition edition, ArticlePage article, String url) {
		Dates dates = this.pages.dates(edition);
		String imageUrl = null;
		Integer width = null;
		Integer height = null;
		String alt = null;
		if (article.leadImage() != null) {
			var image = article.leadImage().image();
			imageUrl = this.pages.absolute(image.url(1200));
			width = image.largest();
			height = image.heightAt(width);
			alt = article.leadImage().caption();
		}
		return new PublicLayout.SocialCard("article", article.headline(), article.description(), url, imageUrl, width,
				height, alt, dates.iso(article.publishedAt()),
				(article.updatedAt() != null) ? dates.iso(article.updatedAt()) : null, article.section().name());
	}

	private String newsArticle(Edition edition, ArticlePage article, String url) {
		Dates dates = this.pages.dates(edition);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("mainEntityOfPage", JsonLd.object("@type", "WebPage", "@id", url));
		data.put("headline", article.headline());
		data.put("description", article.description());
		if (article.leadImage() != null) {
			data.put("image", List.of(this.pages.absolute(article.leadImage().image().url(1200))));
		}
		data.put("datePublished", dates.iso(article.publishedAt()));
		data.put("dateModified",
				dates.iso((article.updatedAt() != null) ? article.updatedAt() : article.publishedAt()));
		data.put("inLanguage", edition.language());
		data.put("articleSection", article.section().name());
		if (!article.authors().isEmpty()) {
			data.put("author",
					article.authors()
						.stream()
						.map((author) -> JsonLd.object("@type", "Person", "name", author.name(), "url",
								this.pages.absolute(author.path())))
						.toList());
		}
		else {
			data.put("author", List.of(JsonLd.object("@type", "Organization", "name", this.pages.siteName())));
		}
		data.put("publisher", JsonLd.publisher(this.pages));
		return JsonLd.write(this.json, data);
	}

}
