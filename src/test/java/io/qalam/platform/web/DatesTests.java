package io.qalam.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written date forms say exactly what the patterns they replace say. */
class DatesTests {

	private static final List<Locale> EDITIONS = List.of(Locale.forLanguageTag("ru-RU"), Locale.forLanguageTag("kk-KZ"),
			Locale.forLanguageTag("en-GB"), Locale.UK);

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Almaty"), ZoneId.of("UTC"),
			ZoneId.of("Europe/London"), ZoneId.of("America/St_Johns"));

	@Test
	void readsAsTheEditionsLanguageWritesIt() {
		Dates russian = new Dates(ZoneId.of("Asia/Almaty"), Locale.forLanguageTag("ru-RU"));
		Instant instant = Instant.parse("2026-11-27T09:05:09.750Z");
		assertThat(russian.dateTime(instant)).isEqualTo("27 ноября 2026, 14:05");
		assertThat(russian.iso(instant)).isEqualTo("2026-11-27T14:05:09+05:00");
		assertThat(russian.time(instant)).isEqualTo("14:05");
		assertThat(russian.date(LocalDate.of(2026, 3, 1))).isEqualTo("1 марта 2026");
		assertThat(new Dates(ZoneId.of("UTC"), Locale.UK).iso(instant)).isEqualTo("2026-11-27T09:05:09Z");
	}

	@Test
	void aListSaysTodaysTimeYesterdayAndOlderDaysAcrossAlmatysMidnight() {
		Dates russian = new Dates(ZoneId.of("Asia/Almaty"), Locale.forLanguageTag("ru-RU"));
		// 00:30 in Almaty on 3 December (19:30 UTC the day before)
		Instant now = Instant.parse("2026-12-02T19:30:00Z");
		assertThat(russian.listed(Instant.parse("2026-12-02T19:10:00Z"), now, "вчера")).isEqualTo("00:10");
		assertThat(russian.listed(Instant.parse("2026-12-02T17:03:00Z"), now, "вчера")).isEqualTo("вчера 22:03");
		assertThat(russian.listed(Instant.parse("2026-12-02T18:59:00Z"), now, "вчера")).isEqualTo("вчера 23:59");
		assertThat(russian.listed(Instant.parse("2026-12-01T18:00:00Z"), now, "вчера")).isEqualTo("1 декабря");
		assertThat(russian.listed(Instant.parse("2026-11-28T06:00:00Z"), now, "вчера")).isEqualTo("28 ноября");
		assertThat(russian.listed(Instant.parse("2025-12-28T06:00:00Z"), now, "вчера")).isEqualTo("28 декабря 2025");
		assertThat(new Dates(ZoneId.of("Asia/Almaty"), Locale.forLanguageTag("kk-KZ"))
			.listed(Instant.parse("2026-12-02T17:03:00Z"), now, "кеше")).isEqualTo("кеше 22:03");
		// the page that lists them is kept until the next midnight in Almaty
		assertThat(russian.nextMidnight(now)).isEqualTo(Instant.parse("2026-12-03T19:00:00Z"));
	}

	@Test
	void matchesTheFormatterForAnyInstantZoneAndLanguage() {
		Random random = new Random(42);
		List<Instant> instants = new ArrayList<>(
				List.of(Instant.parse("2026-03-29T00:59:59Z"), Instant.parse("2026-03-29T01:00:00Z"),
						Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("0999-12-31T23:59:59Z"),
						Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T12:00:00Z"), Instant.EPOCH));
		for (int i = 0; i < 2000; i++) {
			// from 1900 to 2100, to the nanosecond
			instants.add(Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 4_102_444_800L),
					random.nextInt(1_000_000_000)));
		}
		for (Locale locale : EDITIONS) {
			for (ZoneId zone : ZONES) {
				Dates dates = new Dates(zone, locale);
				DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
				DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
				DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
				for (Instant instant : instants) {
					var local = instant.atZone(zone);
					assertThat(dates.dateTime(instant)).as("%s %s %s", locale, zone, instant)
						.isEqualTo(dateTime.format(local));
					assertThat(dates.time(instant)).isEqualTo(time.format(local));
					assertThat(dates.date(local.toLocalDate())).isEqualTo(date.format(local.toLocalDate()));
					assertThat(dates.iso(instant)).as("%s %s", zone, instant)
						.isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME
							.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()));
				}
			}
		}
	}

}
