package io.qalam.api.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.analytics.MostRead;
import io.qalam.api.ApiCursor;
import io.qalam.content.ArticlePage;
import io.qalam.content.ArticleSummary;
import io.qalam.content.AuthorRef;
import io.qalam.content.Authors;
import io.qalam.content.PublishedArticles;
import io.qalam.content.SectionRef;
import io.qalam.content.Sections;
import io.qalam.content.TagRef;
import io.qalam.content.Tags;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.edition.Slugs;
import io.qalam.search.SearchIndex;
import io.qalam.search.SearchRequest;
import io.qalam.search.SearchResults;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content API, version 1: read-only and anonymous, what the public site shows, as
 * JSON. Answers carry the public pages' cache headers; their ETags (and 304s) come from
 * {@link ApiConfiguration}. Nothing is kept between requests, so a publication shows in
 * the next answer.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Content", description = "Editions, sections, tags, authors and published articles")
class ContentApiController {

	/** Articles per slice unless the client asks for fewer. */
	static final int MOST = 50;

	private static final Pattern ARTICLE_PATH = Pattern
		.compile("^/([a-z]{2,8})/(\\d{4})/(\\d{2})/(\\d{2})/([a-z0-9-]{1,80})/?$");

	private final Editions editions;

	private final Sections sections;

	private final Tags tags;

	private final Authors authors;

	private final PublishedArticles articles;

	private final SearchIndex search;

	private final MostRead mostRead;

	ContentApiController(Editions editions, Sections sections, Tags tags, Authors authors, PublishedArticles articles,
			SearchIndex search, MostRead mostRead) {
		this.editions = editions;
		this.sections = sections;
		this.tags = tags;
		this.authors = authors;
		this.articles = articles;
		this.search = search;
		this.mostRead = mostRead;
	}

	/** The site's editions. */
	@GetMapping("/editions")
	ResponseEntity<List<ApiModels.EditionJson>> editions() {
		return ok(this.editions.all()
			.stream()
			.map((e) -> new ApiModels.EditionJson(e.code(), e.language(), e.name()))
			.toList());
	}

	/** An edition's sections, in the navigation's order. */
	@GetMapping("/{edition}/sections")
	ResponseEntity<List<ApiModels.SectionJson>> sections(@PathVariable String edition) {
		return ok(this.sections.all(edition(edition).code())
			.stream()
			.map((s) -> new ApiModels.SectionJson(s.slug(), s.name()))
			.toList());
	}

	/** An edition's most used tags, at most {@code limit} (100). */
	@GetMapping("/{edition}/tags")
	ResponseEntity<List<ApiModels.TagJson>> tags(@PathVariable String edition,
			@RequestParam(defaultValue = "100") int limit) {
		return ok(this.tags.popular(edition(edition).code(), Math.max(1, Math.min(limit, 100)))
			.stream()
			.map((name) -> new ApiModels.TagJson(Slugs.slugify(name), name))
			.toList());
	}

	/** The authors with their names in each edition. */
	@GetMapping("/authors")
	ResponseEntity<List<ApiModels.AuthorJson>> authors() {
		return ok(this.authors.profiles().stream().map((a) -> {
			java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
			a.names().forEach((code, name) -> names.put(code, name.name()));
			return new ApiModels.AuthorJson(a.slug(), names);
		}).toList());
	}

	/**
	 * An edition's published articles, newest first, {@code limit} (at most 50) at a
	 * time; {@code next} in the answer is the cursor of the following slice.
	 * @param since only articles published or updated since (ISO-8601)
	 * @param from published at or after (ISO-8601)
	 * @param until published before (ISO-8601)
	 */
	@GetMapping("/{edition}/articles")
	ResponseEntity<ApiModels.ArticleListJson> articles(@PathVariable String edition,
			@RequestParam(required = false) String section, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String author, @RequestParam(required = false) String from,
			@RequestParam(required = false) String until, @RequestParam(required = false) String since,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
		String code = edition(edition).code();
		Long sectionId = (section == null) ? null
				: this.sections.find(code, section).map(SectionRef::id).orElseThrow(() -> notFound("section"));
		Long tagId = (tag == null) ? null
				: this.tags.find(code, tag).map(TagRef::id).orElseThrow(() -> notFound("tag"));
		Long authorId = (author == null) ? null
				: this.authors.find(code, author).map(AuthorRef::id).orElseThrow(() -> notFound("author"));
		ArticleSummary after = null;
		if (cursor != null) {
			after = ApiCursor.read(cursor).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "bad cursor"));
		}
		int size = Math.max(1, Math.min(limit, MOST));
		List<ArticleSummary> slice = this.articles.slice(code, new PublishedArticles.Filter(sectionId, tagId, authorId,
				time(from, "from"), time(until, "until"), time(since, "since")), after, size + 1);
		List<ArticleSummary> shown = slice.subList(0, Math.min(size, slice.size()));
		String next = (slice.size() > size) ? ApiCursor.after(shown.get(shown.size() - 1)) : null;
		return ok(new ApiModels.ArticleListJson(shown.stream().map(ApiModels.ArticleSummaryJson::of).toList(), next));
	}

	/** A published article by its number. */
	@GetMapping("/articles/{id}")
	ResponseEntity<ApiModels.ArticleJson> article(@PathVariable long id) {
		return ok(ApiModels.ArticleJson.of(this.articles.article(id).orElseThrow(() -> notFound("article"))));
	}

	/** A published article by its address on the site ({@code /ru/2026/12/07/slug}). */
	@GetMapping("/article")
	ResponseEntity<ApiModels.ArticleJson> articleAt(@RequestParam String path) {
		Matcher address = ARTICLE_PATH.matcher(path);
		if (!address.matches()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "path is no article's address");
		}
		ArticlePage article = this.articles.article(edition(address.group(1)).code(), address.group(5))
			.filter((a) -> a.path().equals(path.endsWith("/") ? path.substring(0, path.length() - 1) : path))
			.orElseThrow(() -> notFound("article"));
		return ok(ApiModels.ArticleJson.of(article));
	}

	/** Search in an edition's articles, best match first, ten a page. */
	@GetMapping("/{edition}/search")
	ResponseEntity<ApiModels.SearchJson> search(@PathVariable String edition, @RequestParam String q,
			@RequestParam(defaultValue = "1") int page) {
		String words = q.strip();
		if (words.isEmpty() || words.length() > 200) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "q takes 1 to 200 characters");
		}
		SearchResults results = this.search.search(edition(edition).code(),
				new SearchRequest(words, null, null, null, SearchRequest.Order.RELEVANCE, Math.max(1, page)));
		List<ApiModels.HitJson> hits = new ArrayList<>();
		for (SearchResults.Hit hit : results.hits()) {
			hits.add(new ApiModels.HitJson(hit.id(), hit.path(), hit.sectionSlug(), hit.publishedAt(),
					hit.headline().text()));
		}
		return ok(new ApiModels.SearchJson(results.total(), results.page(), results.pages(), hits));
	}

	/** An edition's most read articles of the last 24 hours. */
	@GetMapping("/{edition}/most-read")
	ResponseEntity<List<ApiModels.ArticleSummaryJson>> mostRead(@PathVariable String edition) {
		return ok(this.mostRead.articles(edition(edition).code())
			.stream()
			.map(ApiModels.ArticleSummaryJson::of)
			.toList());
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiModels.ErrorJson> refused(ApiException ex) {
		return ResponseEntity.status(ex.status())
			.cacheControl(CacheControl.noStore())
			.body(new ApiModels.ErrorJson(ex.getMessage()));
	}

	// the public pages' policy: browsers ask again each time (the ETag makes that a 304),
	// a CDN keeps an answer a minute
	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ZERO)
				.cachePublic()
				.sMaxAge(Duration.ofSeconds(60))
				.staleWhileRevalidate(Duration.ofMinutes(5))
				.staleIfError(Duration.ofDays(1)))
			.body(body);
	}

	private Edition edition(String code) {
		return this.editions.find(code).orElseThrow(() -> notFound("edition"));
	}

	private static Instant time(String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST,
					name + " takes an ISO-8601 time such as 2026-12-07T00:00:00Z");
		}
	}

	private static ApiException notFound(String what) {
		return new ApiException(HttpStatus.NOT_FOUND, "no such " + what);
	}

}
