package io.qalam.search;

import java.util.Arrays;
import java.util.List;

import io.qalam.content.ArticleBatch;
import io.qalam.content.ArticleEvent;
import io.qalam.platform.AfterCommit;
import io.qalam.platform.ClusterSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with the articles: each article event updates the
 * article's entry right after the change commits, here and — through
 * {@link ClusterSignals} — on every other node; a periodic check, and one after any gap
 * in the signals, repairs whatever a node did not see (lost in a crash, say).
 *
 * <p>
 * A plain listener that registers an after-commit callback, not a
 * {@code @TransactionalEventListener}: those are recorded in the event publication
 * registry, which is for effects that must happen once per cluster, whereas every node
 * updates its own index.
 */
@Component
class IndexFollower {

	static final String CHANNEL = "qalam_search";

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

	private final SearchIndex index;

	private final ClusterSignals signals;

	IndexFollower(SearchIndex index, ClusterSignals signals) {
		this.index = index;
		this.signals = signals;
		signals.on(CHANNEL, this::onSignal, index::check);
	}

	@EventListener
	void on(ArticleEvent event) {
		// other nodes hear of it when this transaction commits
		this.signals.send(CHANNEL, event.edition() + ":" + event.articleId());
		AfterCommit.run(() -> update(event.edition(), event.articleId()));
	}

	@EventListener
	void on(ArticleBatch batch) {
		String ids = String.join(" ", batch.articleIds().stream().map(String::valueOf).toList());
		this.signals.send(CHANNEL, batch.edition() + ":" + ids);
		AfterCommit.run(() -> update(batch.edition(), batch.articleIds()));
	}

	// The change is committed whatever happens here: an index that is stopping is
	// brought up to date by the check on the next start
	private void update(String edition, long articleId) {
		update(edition, List.of(articleId));
	}

	private void update(String edition, List<Long> articleIds) {
		try {
			this.index.update(edition, articleIds);
		}
		catch (IllegalStateException ex) {
			log.info("Search index not running; articles {} are indexed at the next check", articleIds);
		}
	}

	// A signal from another node: "edition:id", or "edition:id id …" for a batch
	private void onSignal(String message) {
		int colon = message.indexOf(':');
		if (colon > 0 && message.substring(colon + 1).matches("\\d{1,18}( \\d{1,18})*")) {
			update(message.substring(0, colon),
					Arrays.stream(message.substring(colon + 1).split(" ")).map(Long::valueOf).toList());
		}
	}

	@Scheduled(initialDelayString = "${qalam.search.check-interval}",
			fixedDelayString = "${qalam.search.check-interval}")
	void check() {
		this.index.check();
	}

}
