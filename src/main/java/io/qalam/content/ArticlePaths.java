package io.qalam.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.qalam.platform.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * The fixed address scheme of articles: {@code /{ed}/{yyyy}/{mm}/{dd}/{slug}}, dated by
 * the first publication in the newsroom's time zone. Once published, an address never
 * changes.
 */
@Component
public class ArticlePaths {

	private final ZoneId zone;

	ArticlePaths(SiteProperties site) {
		this.zone = site.timeZone();
	}

	public String path(String edition, Instant firstPublished, String slug) {
		LocalDate day = firstPublished.atZone(this.zone).toLocalDate();
		// built by hand: String.format was a tenth of an uncached page's time
		StringBuilder path = new StringBuilder(edition.length() + slug.length() + 13).append('/')
			.append(edition)
			.append('/')
			.append(day.getYear())
			.append('/');
		twoDigits(path, day.getMonthValue()).append('/');
		return twoDigits(path, day.getDayOfMonth()).append('/').append(slug).toString();
	}

	private static StringBuilder twoDigits(StringBuilder into, int value) {
		return into.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	/** The publication day an article's address carries. */
	public LocalDate day(Instant firstPublished) {
		return firstPublished.atZone(this.zone).toLocalDate();
	}

}
