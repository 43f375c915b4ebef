package io.qalam.site;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import io.qalam.platform.web.PublicChrome;
import io.qalam.content.ArticleList;
import io.qalam.content.AuthorRef;
import io.qalam.content.Authors;
import io.qalam.media.MediaLibrary;
import io.qalam.content.PublishedArticles;
import io.qalam.content.SectionRef;
import io.qalam.content.Sections;
import io.qalam.content.TagRef;
import io.qalam.content.Tags;
import io.qalam.edition.Edition;
import io.qalam.edition.Slugs;
import io.qalam.platform.web.PublicLayout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Section, tag and author pages: published articles, newest first, paginated. */
@Controller
class ListingController {

	private final PublicChrome pages;

	private final PublishedArticles articles;

	private final Sections sections;

	private final Tags tags;

	private final Authors authors;

	private final MediaLibrary media;

	private final Clock clock;

	ListingController(PublicChrome pages, PublishedArticles articles, Sections sections, Tags tags, Authors authors,
			MediaLibrary media, Clock clock) {
		this.clock = clock;
		this.media = media;
		this.pages = pages;
		this.articles = articles;
		this.sections = sections;
		this.tags = tags;
		this.authors = authors;
	}

	@GetMapping("/{edition:[a-z]{2,3}}/section/{slug}")
	String section(@PathVariable String edition, @PathVariable String slug,
			@RequestParam(name = "page", required = false) String page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		int number = pageNumber(page);
		SectionRef section = this.sections.find(ed.code(), wellFormed(slug)).orElseThrow(PageNotFoundException::new);
		ArticleList list = found(this.articles.bySection(ed.code(), section, number));
		String base = section.path(ed.code());
		PublicLayout layout = this.pages
			.page(ed, ListingModel.pageLink(base, number), titled(section.name(), ed, number))
			.description(this.pages.messages(ed).get("section.description", section.name()))
			.languages(this.pages.everyEdition(ed, (e) -> section.path(e.code())))
			.currentSection(section.slug())
			.build();
		// the calendar marks today: the page is made again at midnight
		Instant now = this.clock.instant();
		CachePolicy.keepUntil(request, this.pages.dates(ed).nextMidnight(now));
		return render(model, response,
				new ListingModel(layout, section.name(), null, list, base, null, calendar(ed, section, now)),
				PageKeys.of(ed.code()).section(section.id()).sectionList(ed.code(), section.id()));
	}

	// This month's days that have the section's articles, in Almaty days
	private MonthCalendar calendar(Edition ed, SectionRef section, Instant now) {
		ZoneId zone = this.pages.zone();
		LocalDate today = this.pages.dates(ed).day(now);
		YearMonth month = YearMonth.from(today);
		Set<Integer> days = new HashSet<>();
		for (Instant at : this.articles.publicationTimes(ed.code(), section.id(),
				month.atDay(1).atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())) {
			days.add(this.pages.dates(ed).day(at).getDayOfMonth());
		}
		return new MonthCalendar(ed.code(), month, days, today, section.slug(), ed.locale());
	}

	/**
	 * A day of the archive: what the edition published that day in Almaty, newest first;
	 * {@code ?section=} narrows it to one section.
	 */
	@GetMapping("/{edition:[a-z]{2,3}}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/")
	String day(@PathVariable String edition, @PathVariable int year, @PathVariable int month, @PathVariable int day,
			@RequestParam(name = "section", required = false) String sectionSlug,
			@RequestParam(name = "page", required = false) String page, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		LocalDate date = date(year, month, day);
		SectionRef section = (sectionSlug != null)
				? this.sections.find(ed.code(), wellFormed(sectionSlug)).orElseThrow(PageNotFoundException::new) : null;
		int number = pageNumber(page);
		ZoneId zone = this.pages.zone();
		ArticleList list = found(this.articles.byTime(ed.code(), date.atStartOfDay(zone).toInstant(),
				date.plusDays(1).atStartOfDay(zone).toInstant(), section, number));
		String path = String.format(Locale.ROOT, "/%s/%04d/%02d/%02d/", ed.code(), year, month, day);
		String base = (section != null) ? path + "?section=" + section.slug() : path;
		String heading = this.pages.dates(ed).date(date) + ((section != null) ? " · " + section.name() : "");
		PublicLayout layout = this.pages.page(ed, ListingModel.pageLink(base, number), titled(heading, ed, number))
			.description(this.pages.messages(ed).get("day.description", this.pages.dates(ed).date(date)))
			.languages(this.pages.everyEdition(ed, (e) -> path.replaceFirst("^/[a-z]+/", "/" + e.code() + "/")))
			.build();
		PageKeys keys = PageKeys.of(ed.code()).latest(ed.code());
		return render(model, response, new ListingModel(layout, heading, null, list, base, null, null), keys);
	}

	/** The day without its closing slash: moved for good to the address with it. */
	@GetMapping("/{edition:[a-z]{2,3}}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}")
	ResponseEntity<Void> dayWithoutSlash(@PathVariable String edition, @PathVariable int year, @PathVariable int month,
			@PathVariable int day) {
		Edition ed = this.pages.edition(edition);
		date(year, month, day);
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.location(URI.create(String.format(Locale.ROOT, "/%s/%04d/%02d/%02d/", ed.code(), year, month, day)))
			.build();
	}

	private static LocalDate date(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			throw new PageNotFoundException();
		}
	}

	@GetMapping("/{edition:[a-z]{2,3}}/tag/{slug}")
	String tag(@PathVariable String edition, @PathVariable String slug,
			@RequestParam(name = "page", required = false) String page, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		int number = pageNumber(page);
		TagRef tag = this.tags.find(ed.code(), wellFormed(slug)).orElseThrow(PageNotFoundException::new);
		ArticleList list = found(this.articles.byTag(tag, number));
		if (list.items().isEmpty()) {
			// CASE: the tag exists, but none of its articles is published: to readers it
			// is no tag at all
			throw new PageNotFoundException();
		}
		PublicLayout layout = this.pages
			.page(ed, ListingModel.pageLink(tag.path(), number), titled(tag.name(), ed, number))
			.description(this.pages.messages(ed).get("tag.description", tag.name()))
			.languages(this.pages.everyEdition(ed, (e) -> e.equals(ed) ? tag.path() : "/" + e.code() + "/"))
			.build();
		return render(model, response, new ListingModel(layout, tag.name(), null, list, tag.path(), null, null),
				PageKeys.of(ed.code()).tag(tag.id()).tagList(ed.code(), tag.id()));
	}

	@GetMapping("/{edition:[a-z]{2,3}}/author/{slug}")
	String author(@PathVariable String edition, @PathVariable String slug,
			@RequestParam(name = "page", required = false) String page, Model model, HttpServletResponse response) {
		Edition ed = this.pages.edition(edition);
		int number = pageNumber(page);
		AuthorRef author = this.authors.find(ed.code(), wellFormed(slug)).orElseThrow(PageNotFoundException::new);
		ArticleList list = found(this.articles.byAuthor(author, number));
		PublicLayout layout = this.pages
			.page(ed, ListingModel.pageLink(author.path(), number), titled(author.name(), ed, number))
			.description(author.bio().isBlank() ? author.name() : author.bio())
			.languages(this.pages.everyEdition(ed, (e) -> "/" + e.code() + "/author/" + author.slug()))
			.build();
		return render(model, response,
				new ListingModel(layout, author.name(), author.bio(), list, author.path(),
						this.authors.photo(author.id()).flatMap(this.media::find).orElse(null), null),
				PageKeys.of(ed.code()).author(author.id()).authorList(ed.code(), author.id()));
	}

	private static String render(Model model, HttpServletResponse response, ListingModel listing, PageKeys keys) {
		model.addAttribute("model", listing);
		CachePolicy.publicPage(response, keys.articles(listing.list().items()));
		return "site/listing";
	}

	private static String wellFormed(String slug) {
		if (!Slugs.isWellFormed(slug)) {
			throw new PageNotFoundException();
		}
		return slug;
	}

	/** Page numbers are whole numbers from 1; anything else is a bad request. */
	static int pageNumber(String page) {
		if (page == null) {
			return 1;
		}
		if (!page.matches("\\d{1,6}")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		int number = Integer.parseInt(page);
		if (number < 1) {
			throw new PageNotFoundException();
		}
		return number;
	}

	// CASE: a page number past the last page
	private static ArticleList found(ArticleList list) {
		if (list.page() > list.totalPages()) {
			throw new PageNotFoundException();
		}
		return list;
	}

	private String titled(String name, Edition edition, int page) {
		return (page > 1) ? name + " — " + this.pages.messages(edition).get("pagination.pageN", page) : name;
	}

}
