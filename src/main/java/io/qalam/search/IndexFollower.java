package io.qalam.search;

import io.qalam.content.ArticleEvent;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this node's index in step with the articles: each article event updates the
 * article's entry right after the change commits, and a periodic check repairs whatever
 * this node did not see (changes made on other nodes, or lost in a crash).
 *
 * <p>
 * A plain listener that registers an after-commit callback, not a
 * {@code @TransactionalEventListener}: those are recorded in the event publication
 * registry, which is for effects that must happen once per cluster, whereas every node
 * updates its own index.
 */
@Component
class IndexFollower {

	private final SearchIndex index;

	IndexFollower(SearchIndex index) {
		this.index = index;
	}

	@EventListener
	void on(ArticleEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					IndexFollower.this.index.update(event.edition(), event.articleId());
				}
			});
		}
		else {
			this.index.update(event.edition(), event.articleId());
		}
	}

	@Scheduled(initialDelayString = "${qalam.search.check-interval:10m}",
			fixedDelayString = "${qalam.search.check-interval:10m}")
	void check() {
		this.index.check();
	}

}
