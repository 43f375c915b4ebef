package io.qalam.site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.platform.web.PublicChrome;
import io.qalam.content.ArticlePage;
import io.qalam.content.ArticlePaths;
import io.qalam.content.ArticlePreviews;
import io.qalam.content.LiveBlogs;
import io.qalam.content.LiveEntry;
import io.qalam.content.PublishedArticles;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.edition.Slugs;
import io.qalam.platform.PreviewTokens;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.PublicLayout;
import io.qalam.platform.web.PublicLayout.Link;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
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

	private final LiveBlogs liveBlogs;

	private final Clock clock;

	ArticleController(PublicChrome pages, PublishedArticles articles, ArticlePaths paths, Editions editions,
			JsonMapper json, ArticlePreviews previews, PreviewTokens tokens, LiveBlogs liveBlogs, Clock clock) {
		this.liveBlogs = liveBlogs;
		this.clock = clock;
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
			@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model,
			HttpServletResponse response) {
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
		ArticleModel.Live live = live(article, page);
		String path = (live != null && live.entries().page() > 1) ? article.path() + "?page=" + live.entries().page()
				: article.path();
		PublicLayout layout = this.pages.page(ed, path, article.headline())
			.description(article.description())
			.languages(languages(ed, article))
			.currentSection(article.section().slug())
			.social(socialCard(ed, article, url))
			.jsonLd((live != null) ? liveBlogPosting(ed, article, url, live) : newsArticle(ed, article, url))
			.build();
		model.addAttribute("model",
				new ArticleModel(layout, article, ShareLinks.of(url, article.headline()), url, false, true, live));
		CachePolicy.publicPage(response, keys(ed, article));
		return "site/article";
	}

	/**
	 * A live blog's entries newer than the reader's newest, as HTML to put on top of the
	 * list (empty when there are none): what the page's script asks for every few
	 * seconds. Kept like a page until an entry changes, and briefly by a CDN.
	 */
	@GetMapping(path = "/{edition:[a-z]{2,3}}/live/{id:\\d{1,18}}/entries", produces = "text/html;charset=UTF-8")
	String liveEntries(@PathVariable String edition, @PathVariable long id,
			@RequestParam(name = "after", required = false) String after, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		if (after == null || !after.matches("\\d{1,18}") || this.articles.visible(ed.code(), List.of(id)).isEmpty()) {
			throw new PageNotFoundException();
		}
		LiveBlogs.Coverage coverage = this.liveBlogs.coverage(id).orElseThrow(PageNotFoundException::new);
		model.addAttribute("entries", this.liveBlogs.after(id, Long.parseLong(after)));
		model.addAttribute("dates", this.pages.dates(ed));
		model.addAttribute("m", this.pages.messages(ed));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("ended", coverage.ended());
		CachePolicy.liveFragment(response, PageKeys.of(ed.code()).article(id));
		return "site/live-entries";
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

	// The live blog's page of entries asked for; null for an ordinary article. A page
	// that does not exist is not found, like any other address
	private ArticleModel.Live live(ArticlePage article, String page) {
		// read with the article: an ordinary article's page costs no statement more
		LiveBlogs.Coverage coverage = article.live();
		if (coverage == null) {
			return null;
		}
		int number = 1;
		if (page != null) {
			if (!page.matches("[1-9]\\d{0,5}")) {
				throw new PageNotFoundException();
			}
			number = Integer.parseInt(page);
		}
		LiveBlogs.EntriesPage entries = this.liveBlogs.entries(article.id(), number);
		if (number > entries.pages()) {
			throw new PageNotFoundException();
		}
		return new ArticleModel.Live(coverage, entries, this.clock.instant());
	}

	// A live blog for search engines: its coverage and its newest entries
	private String liveBlogPosting(Edition edition, ArticlePage article, String url, ArticleModel.Live live) {
		Dates dates = this.pages.dates(edition);
		List<LiveEntry> newest = this.liveBlogs.newest(article.id(), 10);
		Instant modified = newest.stream()
			.map((e) -> (e.correctedAt() != null) ? e.correctedAt() : e.postedAt())
			.max(Instant::compareTo)
			.orElse((article.updatedAt() != null) ? article.updatedAt() : article.publishedAt());
		Map<String, Object> data = articleData(edition, article, url, "LiveBlogPosting", modified);
		data.put("coverageStartTime", dates.iso(live.coverage().startedAt()));
		if (live.coverage().ended()) {
			data.put("coverageEndTime", dates.iso(live.coverage().endedAt()));
		}
		data.put("liveBlogUpdate", newest.stream().map((e) -> {
			String text = Jsoup.parse(e.bodyHtml()).text();
			return JsonLd.object("@type", "BlogPosting", "headline",
					(text.length() > 110) ? text.substring(0, 109) + "…" : text, "datePublished",
					dates.iso(e.postedAt()), "url", url + "#" + e.anchor(), "articleBody", text);
		}).toList());
		return JsonLd.write(this.json, data);
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
		return JsonLd.write(this.json, articleData(edition, article, url, "NewsArticle",
				(article.updatedAt() != null) ? article.updatedAt() : article.publishedAt()));
	}

	// What every kind of article tells search engines: its page, text, times and people
	private Map<String, Object> articleData(Edition edition, ArticlePage article, String url, String type,
			Instant modified) {
		Dates dates = this.pages.dates(edition);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", type);
		data.put("mainEntityOfPage", JsonLd.object("@type", "WebPage", "@id", url));
		data.put("headline", article.headline());
		data.put("description", article.description());
		if (article.leadImage() != null) {
			data.put("image", List.of(this.pages.absolute(article.leadImage().image().url(1200))));
		}
		data.put("datePublished", dates.iso(article.publishedAt()));
		data.put("dateModified", dates.iso(modified));
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
		return data;
	}

}
