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
		return String.format("/%s/%04d/%02d/%02d/%s", edition, day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
				slug);
	}

	/** The publication day an article's address carries. */
	public LocalDate day(Instant firstPublished) {
		return firstPublished.atZone(this.zone).toLocalDate();
	}

}
