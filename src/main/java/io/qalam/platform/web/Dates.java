package io.qalam.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates as readers see them: in the newsroom's time zone, in the edition's language. */
public final class Dates {

	private final ZoneId zone;

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter date;

	private final DateTimeFormatter time;

	public Dates(ZoneId zone, Locale locale) {
		this.zone = zone;
		this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
		this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
		this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
	}

	/** E.g. "27 ноября 2026, 14:05". */
	public String dateTime(Instant instant) {
		return this.dateTime.format(instant.atZone(this.zone));
	}

	/** E.g. "14:05", for lists of today's news. */
	public String time(Instant instant) {
		return this.time.format(instant.atZone(this.zone));
	}

	public String date(LocalDate date) {
		return this.date.format(date);
	}

	/** The machine-readable form for {@code <time datetime>} and structured data. */
	public String iso(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(this.zone).toOffsetDateTime());
	}

}
