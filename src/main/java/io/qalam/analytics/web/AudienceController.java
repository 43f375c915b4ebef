package io.qalam.analytics.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.analytics.Source;
import io.qalam.analytics.ViewCounts;
import io.qalam.content.NewsroomArticles;
import io.qalam.platform.Text;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.PageNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The newsroom's audience figures (editors and admins): today's most viewed articles,
 * where readers came from in broad classes, and one article's views per hour. Counts
 * only: nothing says who read what.
 */
@Controller
class AudienceController {

	static final int TOP = 20;

	// the chart's span, in hours
	static final int HOURS = 72;

	private static final int BAR = 10;

	private static final int HEIGHT = 160;

	private final NewsroomChrome chrome;

	private final ViewCounts counts;

	private final NewsroomArticles articles;

	private final Clock clock;

	AudienceController(NewsroomChrome chrome, ViewCounts counts, NewsroomArticles articles, Clock clock) {
		this.chrome = chrome;
		this.counts = counts;
		this.articles = articles;
		this.clock = clock;
	}

	@GetMapping("/newsroom/audience")
	String today(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.audience"), "audience");
		ZoneId zone = this.chrome.zone();
		LocalDate day = this.clock.instant().atZone(zone).toLocalDate();
		Instant since = day.atStartOfDay(zone).toInstant();
		List<ViewCounts.Viewed> viewed = this.counts.mostViewed(since, TOP);
		Map<Long, NewsroomArticles.Row> rows = this.articles
			.rows(viewed.stream().map(ViewCounts.Viewed::articleId).toList());
		List<AudienceModel.Top> top = new ArrayList<>();
		for (ViewCounts.Viewed v : viewed) {
			NewsroomArticles.Row row = rows.get(v.articleId());
			if (row != null) {
				top.add(new AudienceModel.Top(row.id(), row.edition(), row.headline(), row.status().name(), v.views()));
			}
		}
		Map<Source, Long> sources = this.counts.sources(null, since);
		long total = sources.values().stream().mapToLong(Long::longValue).sum();
		model.addAttribute("model",
				new AudienceModel(layout, layout.dates().date(day), total, top, shares(sources, total)));
		return "analytics/audience";
	}

	@GetMapping("/newsroom/audience/{id:[0-9]{1,18}}")
	String article(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		NewsroomArticles.Row row = this.articles.rows(List.of(id)).get(id);
		if (row == null) {
			throw new PageNotFound();
		}
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("audience.articleTitle"), "audience");
		Dates dates = layout.dates();
		ZoneId zone = this.chrome.zone();
		Instant end = this.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		Instant start = end.minus(Duration.ofHours(HOURS));
		List<ViewCounts.Hourly> hours = this.counts.hourly(id, start);
		long peak = hours.stream().mapToLong(ViewCounts.Hourly::views).max().orElse(0);
		long total = hours.stream().mapToLong(ViewCounts.Hourly::views).sum();
		List<ArticleAudienceModel.Bar> bars = new ArrayList<>();
		Map<LocalDate, Long> byDay = new LinkedHashMap<>();
		for (ViewCounts.Hourly h : hours) {
			int slot = (int) Duration.between(start, h.hour()).toHours();
			int height = (int) Math.max(1, Math.round((HEIGHT - 20) * (double) h.views() / peak));
			bars.add(new ArticleAudienceModel.Bar(slot * BAR, HEIGHT - height, height,
					dates.dateTime(h.hour()) + ": " + h.views()));
			byDay.merge(h.hour().atZone(zone).toLocalDate(), h.views(), Long::sum);
		}
		List<ArticleAudienceModel.Mark> marks = new ArrayList<>();
		for (LocalDate d = start.atZone(zone).toLocalDate().plusDays(1); !d.atStartOfDay(zone)
			.toInstant()
			.isAfter(end); d = d.plusDays(1)) {
			Instant midnight = d.atStartOfDay(zone).toInstant();
			marks.add(new ArticleAudienceModel.Mark((int) Duration.between(start, midnight).toHours() * BAR,
					dates.date(d)));
		}
		List<ArticleAudienceModel.Day> days = new ArrayList<>();
		byDay.forEach((d, v) -> days.add(0, new ArticleAudienceModel.Day(dates.date(d), v)));
		Map<Source, Long> sources = this.counts.sources(id, start);
		model.addAttribute("model", new ArticleAudienceModel(layout, id, row.edition(), row.headline(), total, peak,
				HOURS * BAR, HEIGHT, bars, marks, days, shares(sources, total)));
		return "analytics/article";
	}

	private static List<AudienceModel.Share> shares(Map<Source, Long> sources, long total) {
		return sources.entrySet()
			.stream()
			.map((e) -> new AudienceModel.Share(e.getKey().key(), e.getValue(),
					(total == 0) ? 0 : Math.round(100.0 * e.getValue() / total)))
			.toList();
	}

}
