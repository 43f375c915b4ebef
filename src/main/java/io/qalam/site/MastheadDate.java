package io.qalam.site;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.PublicChrome;
import io.qalam.platform.web.SlotMarkers.Slot;
import io.qalam.platform.web.WidgetSlots;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Today's date in the masthead ("понедельник, 7 декабря 2026"), as a slot: a page kept in
 * the cache overnight shows the new day on its first request after midnight (the site's
 * zone), and its ETag changes with it.
 */
@Component
class MastheadDate implements WidgetSlots {

	private final Editions editions;

	private final PublicChrome chrome;

	private final Clock clock;

	private final Map<String, Today> today = new ConcurrentHashMap<>();

	MastheadDate(Editions editions, PublicChrome chrome, Clock clock) {
		this.editions = editions;
		this.chrome = chrome;
		this.clock = clock;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(Slot.DATE);
	}

	@Override
	public Fragment fragment(Slot slot) {
		Edition edition = this.editions.find(slot.edition()).orElse(null);
		if (edition == null) {
			return Fragment.EMPTY;
		}
		Dates dates = this.chrome.dates(edition);
		LocalDate day = dates.day(this.clock.instant());
		Today known = this.today.get(edition.code());
		if (known == null || !known.day().equals(day)) {
			// the same object all day: the page's ETag stays until midnight
			known = new Today(day, render(edition, dates, day));
			this.today.put(edition.code(), known);
		}
		return known.fragment();
	}

	private static Fragment render(Edition edition, Dates dates, LocalDate day) {
		String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, edition.locale());
		String html = "<time class=\"masthead-date\" datetime=\"" + DateTimeFormatter.ISO_LOCAL_DATE.format(day) + "\">"
				+ HtmlUtils.htmlEscape(weekday + ", " + dates.date(day), "UTF-8") + "</time>";
		return new Fragment(html.getBytes(StandardCharsets.UTF_8));
	}

	private record Today(LocalDate day, Fragment fragment) {
	}

}
