package io.qalam.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * Dates as readers see them: in the newsroom's time zone, in the edition's language.
 * <p>
 * An article page writes about twenty dates, and {@link DateTimeFormatter} took 3% of an
 * uncached page; the fixed patterns are written by hand here (with the month names the
 * formatter gives), and any year outside 1000–9999 goes to the formatter.
 */
public final class Dates {

	private final ZoneRules zone;

	private final ZoneId zoneId;

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter date;

	private final DateTimeFormatter standaloneMonth;

	// the edition's month names as they follow a day number: "ноября", "қарашасы"
	private final String[] months = new String[12];

	public Dates(ZoneId zone, Locale locale) {
		this.zone = zone.getRules();
		this.zoneId = zone;
		this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(zone);
		this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
		this.standaloneMonth = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
		DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM", locale);
		for (int m = 1; m <= 12; m++) {
			this.months[m - 1] = month.format(LocalDate.of(2000, m, 1));
		}
	}

	/** E.g. "27 ноября 2026, 14:05". */
	public String dateTime(Instant instant) {
		LocalDateTime local = local(instant);
		if (!usualYear(local.getYear())) {
			return this.dateTime.format(instant);
		}
		StringBuilder text = new StringBuilder(32);
		appendDate(text, local.toLocalDate()).append(", ");
		return twoDigits(twoDigits(text, local.getHour()).append(':'), local.getMinute()).toString();
	}

	/** E.g. "14:05", for lists of today's news. */
	public String time(Instant instant) {
		LocalDateTime local = local(instant);
		return twoDigits(twoDigits(new StringBuilder(5), local.getHour()).append(':'), local.getMinute()).toString();
	}

	/**
	 * When an article of a news list appeared, as short as still says the day: "14:05"
	 * today, "вчера 22:03" yesterday, "28 ноября" this year, "28 декабря 2025" before. A
	 * page listing these must be kept no longer than {@link #nextMidnight}.
	 * @param yesterday the edition's word for yesterday
	 */
	public String listed(Instant at, Instant now, String yesterday) {
		LocalDate day = local(at).toLocalDate();
		LocalDate today = local(now).toLocalDate();
		if (day.equals(today)) {
			return time(at);
		}
		if (day.equals(today.minusDays(1))) {
			return yesterday + " " + time(at);
		}
		if (day.getYear() == today.getYear()) {
			return day.getDayOfMonth() + " " + this.months[day.getMonthValue() - 1];
		}
		return date(day);
	}

	/** A month as a calendar heads it: "декабрь 2026" (the name standing alone). */
	public String monthName(YearMonth month) {
		return this.standaloneMonth.format(month);
	}

	/** The day of an instant in the newsroom's zone. */
	public LocalDate day(Instant instant) {
		return local(instant).toLocalDate();
	}

	/** The start of the next day in the newsroom's zone. */
	public Instant nextMidnight(Instant now) {
		LocalDate tomorrow = local(now).toLocalDate().plusDays(1);
		return tomorrow.atStartOfDay(this.zoneId).toInstant();
	}

	/** E.g. "27 ноября 2026". */
	public String date(LocalDate date) {
		return usualYear(date.getYear()) ? appendDate(new StringBuilder(24), date).toString() : this.date.format(date);
	}

	/**
	 * The machine-readable form for {@code <time datetime>} and structured data, e.g.
	 * {@code 2026-11-27T14:05:09+05:00}.
	 */
	public String iso(Instant instant) {
		ZoneOffset offset = this.zone.getOffset(instant);
		LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
		if (!usualYear(local.getYear())) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(offset));
		}
		StringBuilder text = new StringBuilder(25).append(local.getYear()).append('-');
		twoDigits(twoDigits(text, local.getMonthValue()).append('-'), local.getDayOfMonth()).append('T');
		twoDigits(twoDigits(text, local.getHour()).append(':'), local.getMinute()).append(':');
		return twoDigits(text, local.getSecond()).append(offset.getId()).toString();
	}

	private LocalDateTime local(Instant instant) {
		return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, this.zone.getOffset(instant));
	}

	// "d MMMM yyyy"
	private StringBuilder appendDate(StringBuilder text, LocalDate date) {
		return text.append(date.getDayOfMonth())
			.append(' ')
			.append(this.months[date.getMonthValue() - 1])
			.append(' ')
			.append(date.getYear());
	}

	private static boolean usualYear(int year) {
		return year >= 1000 && year <= 9999;
	}

	private static StringBuilder twoDigits(StringBuilder into, int value) {
		return into.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

}
