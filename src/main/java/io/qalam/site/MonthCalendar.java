package io.qalam.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A month of the archive beside a section's list: each day that has articles links to
 * that day's page, narrowed to the section.
 *
 * @param days the days of the month with at least one article
 * @param today the reader's today in Almaty, marked
 * @param section the section's slug, for {@code ?section=}
 */
public record MonthCalendar(String edition, YearMonth month, Set<Integer> days, LocalDate today, String section,
		Locale locale) {

	/** The month's weeks, Monday first; 0 where a week has no day of this month. */
	public List<List<Integer>> weeks() {
		List<List<Integer>> weeks = new ArrayList<>();
		List<Integer> week = new ArrayList<>();
		for (int blank = 1; blank < this.month.atDay(1).getDayOfWeek().getValue(); blank++) {
			week.add(0);
		}
		for (int day = 1; day <= this.month.lengthOfMonth(); day++) {
			week.add(day);
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(0);
			}
			weeks.add(week);
		}
		return weeks;
	}

	/** The short names of the weekdays, Monday first, in the edition's language. */
	public List<String> weekdays() {
		List<String> names = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			names.add(day.getDisplayName(TextStyle.SHORT_STANDALONE, this.locale));
		}
		return names;
	}

	public boolean hasArticles(int day) {
		return this.days.contains(day);
	}

	public boolean isToday(int day) {
		return this.month.atDay(day).equals(this.today);
	}

	public String href(int day) {
		return String.format(Locale.ROOT, "/%s/%04d/%02d/%02d/?section=%s", this.edition, this.month.getYear(),
				this.month.getMonthValue(), day, this.section);
	}

}
