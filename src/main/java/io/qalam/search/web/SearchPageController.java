package io.qalam.search.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.qalam.edition.Edition;
import io.qalam.platform.SiteProperties;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.PublicChrome;
import io.qalam.platform.web.PublicLayout;
import io.qalam.platform.web.SiteNavigation;
import io.qalam.search.SearchIndex;
import io.qalam.search.SearchRequest;
import io.qalam.search.SearchResults;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An edition's search page. Whatever the reader types is searched as plain words; a
 * filter that cannot be understood is named on the page (and nothing is searched), never
 * guessed at and never a server error.
 */
@Controller
class SearchPageController {

	private final PublicChrome chrome;

	private final SearchIndex index;

	private final SiteNavigation navigation;

	private final ZoneId zone;

	SearchPageController(PublicChrome chrome, SearchIndex index, SiteNavigation navigation, SiteProperties site) {
		this.chrome = chrome;
		this.index = index;
		this.navigation = navigation;
		this.zone = site.timeZone();
	}

	@GetMapping("/{edition:[a-z]{2,3}}/search")
	String search(@PathVariable String edition, @RequestParam(required = false) String q,
			@RequestParam(required = false) String section, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, HttpServletResponse response, Model model) {
		Edition ed = this.chrome.edition(edition);
		Messages m = this.chrome.messages(ed);
		String words = (q != null) ? q.strip() : "";
		Map<String, String> sections = this.navigation.sections(ed.code())
			.stream()
			.collect(Collectors.toMap(SiteNavigation.Section::slug, SiteNavigation.Section::name, (a, b) -> a,
					java.util.LinkedHashMap::new));
		SearchForm form = new SearchForm(words, blankToNull(section), blankToNull(from), blankToNull(to),
				"date".equals(sort) ? "date" : "relevance");
		List<String> errors = new ArrayList<>();
		if (form.section() != null && !sections.containsKey(form.section())) {
			errors.add(m.get("search.error.section"));
		}
		LocalDate fromDay = day(form.from(), "search.error.from", errors, m);
		LocalDate toDay = day(form.to(), "search.error.to", errors, m);
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			errors.add(m.get("search.error.range"));
		}
		if (sort != null && !sort.isBlank() && !sort.equals("date") && !sort.equals("relevance")) {
			errors.add(m.get("search.error.sort"));
		}
		String notice = null;
		SearchResults results = null;
		if (words.length() > this.index.maxQueryLength()) {
			notice = m.get("search.tooLong", this.index.maxQueryLength());
		}
		else if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		else if (!words.isEmpty()) {
			Instant start = (fromDay != null) ? fromDay.atStartOfDay(this.zone).toInstant() : null;
			Instant end = (toDay != null) ? toDay.plusDays(1).atStartOfDay(this.zone).toInstant() : null;
			results = this.index.search(ed.code(),
					new SearchRequest(words, form.section(), start, end,
							form.sort().equals("date") ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE,
							pageNumber(page)));
			if (results.total() == 0) {
				notice = m.get("search.nothing", words);
			}
		}
		String title = words.isEmpty() || words.length() > this.index.maxQueryLength() ? m.get("search.title")
				: m.get("search.titleFor", words);
		PublicLayout layout = this.chrome.page(ed, "/" + ed.code() + "/search", title)
			.notIndexed()
			// not indexed, but a page that is shared or bookmarked still says what it is
			.description(m.get("search.description"))
			.languages(this.chrome.everyEdition(ed, (e) -> "/" + e.code() + "/search"))
			.build();
		// Results follow the reader's words: cached by nobody but the reader
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("model", new SearchPageModel(layout, form, sections, errors, notice, results));
		return "search/results";
	}

	private LocalDate day(String value, String error, List<String> errors, Messages m) {
		if (value == null) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value);
			if (day.getYear() < 1900 || day.getYear() > 2999) {
				errors.add(m.get(error));
				return null;
			}
			return day;
		}
		catch (DateTimeException ex) {
			errors.add(m.get(error));
			return null;
		}
	}

	// A page number that is no number is the first page; one past the end, the last
	private static int pageNumber(String page) {
		if (page == null || !page.matches("\\d{1,4}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(page));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
