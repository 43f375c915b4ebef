package io.qalam.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qalam.content.ArticleBatch;
import io.qalam.content.AuthorChanged;
import io.qalam.content.ArticleEvent;
import io.qalam.content.LiveBlogEvent;
import io.qalam.content.PublishedArticles;
import io.qalam.edition.Editions;
import io.qalam.platform.AfterCommit;
import io.qalam.platform.ClusterSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evicts the kept pages an article's change alters ({@link PageKeys#changedBy}), on every
 * node: here right after the change commits, elsewhere through {@link ClusterSignals} (a
 * node that may have missed signals drops all its pages). Also watches the clock for
 * articles that become visible with no event — an embargo ends, a publication time comes
 * — and evicts for them as for a publication.
 * <p>
 * A plain listener with an after-commit callback, not a registry-backed one: every node
 * evicts its own pages, and a node that was down starts with none. The edge caches are
 * purged by the same keys from the node that made the change ({@link EdgePurges}).
 */
@Component
class PageEviction {

	static final String CHANNEL = "qalam_pages";

	private static final Logger log = LoggerFactory.getLogger(PageEviction.class);

	// pg_notify takes 8,000 bytes; beyond this the other nodes drop all their pages
	private static final int MOST_SIGNAL = 6000;

	private static final String EVERYTHING = "*";

	private static final String SENT = "@";

	private static final int MOST_PURGE = 3000;

	private final PageCache cache;

	private final ClusterSignals signals;

	private final PublishedArticles articles;

	private final EdgePurges edge;

	private final Editions editions;

	private final Clock clock;

	private Instant checkedUpTo;

	// from a change to its pages leaving this node's cache: here, and on the other nodes
	// from the time the signal names (their clocks may differ a little)
	private final Timer visibleHere;

	private final Timer visibleElsewhere;

	// when the next article becomes visible by itself; null: to be asked
	private volatile Instant nextVisible;

	private volatile boolean nextKnown;

	PageEviction(PageCache cache, ClusterSignals signals, PublishedArticles articles, EdgePurges edge,
			Editions editions, Clock clock, MeterRegistry meters) {
		this.visibleHere = EdgePurges.visible(meters, "this-node");
		this.visibleElsewhere = EdgePurges.visible(meters, "other-node");
		this.cache = cache;
		this.edge = edge;
		this.editions = editions;
		this.signals = signals;
		this.articles = articles;
		this.clock = clock;
		this.checkedUpTo = clock.instant();
		signals.on(CHANNEL, this::onSignal, cache::clear);
	}

	@EventListener
	void on(ArticleEvent event) {
		Set<String> keys = PageKeys.changedBy(event.articleId(), event.edition(), event.storyId(), event.before(),
				event.after());
		changed(keys);
	}

	// here after the commit, on the other nodes by a signal that says when, at the edge
	private void changed(Set<String> keys) {
		long raised = System.nanoTime();
		String message = String.join(" ", keys);
		this.signals.send(CHANNEL,
				(message.length() <= MOST_SIGNAL) ? SENT + this.clock.millis() + " " + message : EVERYTHING);
		purgeEdge(keys);
		AfterCommit.run(() -> {
			evict(keys);
			this.visibleHere.record(System.nanoTime() - raised, TimeUnit.NANOSECONDS);
		});
	}

	/** A live blog's page and its new-entries answers show the change; nothing else. */
	@EventListener
	void on(LiveBlogEvent event) {
		changed(Set.of("article-" + event.articleId()));
	}

	/** An author's page and every article that bylines them show the change. */
	@EventListener
	void on(AuthorChanged changed) {
		changed(Set.of("author-" + changed.authorId()));
	}

	/**
	 * Many articles at once (demo content, an import): every kept page of the edition may
	 * list one of them, so all kept pages go, here and on the other nodes.
	 */
	@EventListener
	void on(ArticleBatch batch) {
		this.signals.send(CHANNEL, EVERYTHING);
		purgeEdge(everything());
		AfterCommit.run(() -> {
			this.cache.clear();
			this.nextKnown = false;
		});
	}

	// The registry keeps an event in 4,000 characters: beyond a few thousand, every page
	private void purgeEdge(Set<String> keys) {
		this.edge.request((String.join(" ", keys).length() <= MOST_PURGE) ? keys : everything());
	}

	// every page an edge may keep: each edition's pages and the pages outside them
	private Set<String> everything() {
		Set<String> keys = new java.util.LinkedHashSet<>();
		this.editions.all().forEach((edition) -> keys.add("edition-" + edition.code()));
		keys.add(PageKeys.SITEMAPS);
		return keys;
	}

	private void evict(Set<String> keys) {
		this.cache.evict(keys);
		// an embargo may have been set or lifted
		this.nextKnown = false;
	}

	// A signal from another node: "@{sent, epoch ms}" and keys separated by spaces, or
	// "*"
	private void onSignal(String message) {
		if (EVERYTHING.equals(message)) {
			this.cache.clear();
			this.nextKnown = false;
			return;
		}
		String[] words = message.split(" ");
		List<String> keys = Arrays.stream(words).filter((k) -> PageKeys.KEY.matcher(k).matches()).toList();
		evict(Set.copyOf(keys));
		if (words[0].matches("@[0-9]{1,18}")) {
			long sent = Long.parseLong(words[0].substring(1));
			this.visibleElsewhere.record(Math.max(0, this.clock.millis() - sent), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Evicts for the articles that became visible since the last look. Asks the database
	 * only when such a moment has come, or after a change that may have moved it.
	 */
	@Scheduled(initialDelayString = "${qalam.cache.visibility-check}",
			fixedDelayString = "${qalam.cache.visibility-check}")
	synchronized void checkVisibility() {
		Instant now = this.clock.instant();
		try {
			Instant next = this.nextVisible;
			boolean due = next != null && !next.isAfter(now);
			if (due) {
				Set<String> keys = new java.util.LinkedHashSet<>();
				for (PublishedArticles.BecameVisible article : this.articles.becameVisible(this.checkedUpTo, now)) {
					keys.addAll(PageKeys.changedBy(article.articleId(), article.edition(), article.storyId(), null,
							article.placement()));
				}
				this.cache.evict(keys);
				purgeEdge(keys);
			}
			if (due || !this.nextKnown) {
				this.nextKnown = true;
				this.nextVisible = this.articles.nextVisibleAfter(now).orElse(null);
			}
			this.checkedUpTo = now;
		}
		catch (RuntimeException ex) {
			// the database is away: look again next time
			this.nextKnown = false;
			log.debug("Visibility check failed: {}", ex.toString());
		}
	}

}
