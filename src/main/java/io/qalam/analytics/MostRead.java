package io.qalam.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.qalam.content.ArticleEvent;
import io.qalam.content.ArticleSummary;
import io.qalam.content.PublishedArticles;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.AfterCommit;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.SlotMarkers.Slot;
import io.qalam.platform.web.WidgetSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Most read": each edition's most viewed articles of the last 24 hours that readers may
 * see, as a widget slot on the public pages. Read again every
 * {@code qalam.analytics.most-read-refresh} on each node (the counts of all nodes are in
 * the database by then), and at once on this node when an article in the list changes, so
 * an unpublished article leaves it with its pages.
 */
@Component
public class MostRead implements WidgetSlots {

	static final String KIND = Slot.MOST_READ;

	static final int SHOWN = 5;

	private static final Duration WINDOW = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(MostRead.class);

	private final ViewCounts counts;

	private final PublishedArticles articles;

	private final Editions editions;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final Clock clock;

	private final Map<String, Listed> listed = new ConcurrentHashMap<>();

	MostRead(ViewCounts counts, PublishedArticles articles, Editions editions, TemplateEngine templates,
			MessageSource messages, Clock clock) {
		this.counts = counts;
		this.articles = articles;
		this.editions = editions;
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	@Override
	public Fragment fragment(Slot slot) {
		Listed known = this.listed.get(slot.edition());
		if (known == null) {
			Edition edition = this.editions.find(slot.edition()).orElse(null);
			if (edition == null) {
				return Fragment.EMPTY;
			}
			try {
				known = this.listed.computeIfAbsent(edition.code(), (code) -> read(edition));
			}
			catch (RuntimeException ex) {
				// CASE: the database failed (the error page still renders): no list
				log.debug("Most read of {} not read: {}", slot.edition(), ex.toString());
				return Fragment.EMPTY;
			}
		}
		return known.fragment();
	}

	@Scheduled(initialDelayString = "${qalam.analytics.most-read-refresh}",
			fixedDelayString = "${qalam.analytics.most-read-refresh}")
	void refresh() {
		for (Edition edition : this.editions.all()) {
			try {
				this.listed.put(edition.code(), read(edition));
			}
			catch (RuntimeException ex) {
				log.warn("Most read of {} not read again: {}", edition.code(), ex.toString());
			}
		}
	}

	/** The edition's most read articles of the last 24 hours, as shown now. */
	public List<ArticleSummary> articles(String edition) {
		Listed known = this.listed.get(edition);
		return (known != null) ? known.articles() : List.of();
	}

	@EventListener
	void on(ArticleEvent event) {
		Listed known = this.listed.get(event.edition());
		if (known != null && known.articles().stream().anyMatch((a) -> a.id() == event.articleId())) {
			this.editions.find(event.edition())
				.ifPresent((edition) -> AfterCommit.run(() -> this.listed.put(edition.code(), read(edition))));
		}
	}

	private Listed read(Edition edition) {
		// more than shown: some of the most viewed may be gone from the site
		List<Long> ids = this.counts.mostViewed(edition.code(), this.clock.instant().minus(WINDOW), SHOWN * 3)
			.stream()
			.map(ViewCounts.Viewed::articleId)
			.toList();
		List<ArticleSummary> visible = this.articles.visible(edition.code(), ids);
		List<ArticleSummary> shown = visible.subList(0, Math.min(SHOWN, visible.size()));
		Listed before = this.listed.get(edition.code());
		if (before != null && before.same(shown)) {
			// the same bytes: the pages' ETags stay
			return before;
		}
		return new Listed(List.copyOf(shown), shown.isEmpty() ? Fragment.EMPTY : render(edition, shown));
	}

	private Fragment render(Edition edition, List<ArticleSummary> shown) {
		StringOutput output = new StringOutput();
		this.templates.render("analytics/most-read.jte",
				Map.of("m", new Messages(this.messages, edition.locale()), "articles", shown), output);
		return new Fragment(output.toString().getBytes(StandardCharsets.UTF_8));
	}

	private record Listed(List<ArticleSummary> articles, Fragment fragment) {

		boolean same(List<ArticleSummary> other) {
			if (other.size() != this.articles.size()) {
				return false;
			}
			for (int i = 0; i < other.size(); i++) {
				ArticleSummary a = this.articles.get(i);
				ArticleSummary b = other.get(i);
				if (a.id() != b.id() || !a.headline().equals(b.headline()) || !a.path().equals(b.path())) {
					return false;
				}
			}
			return true;
		}

	}

}
