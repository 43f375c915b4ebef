package io.qalam.content;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a change of what readers see leaves {@code content}: every write path
 * raises its events here, inside the transaction of the change. Content's own read model
 * ("Read also") is brought up to date first, so that everything that follows (the page
 * cache's eviction, search, the other nodes) finds it current.
 */
@Component
class ArticleChanges {

	private final RecentArticles recent;

	private final ApplicationEventPublisher events;

	ArticleChanges(RecentArticles recent, ApplicationEventPublisher events) {
		this.recent = recent;
		this.events = events;
	}

	void raise(ArticleEvent event) {
		this.recent.changed(List.of(event.articleId()));
		this.events.publishEvent(event);
	}

	void raise(ArticleBatch batch) {
		this.recent.changed(batch.articleIds());
		this.events.publishEvent(batch);
	}

	/**
	 * Many articles written at once, by edition: one {@link ArticleBatch} per edition and
	 * {@link ArticleBatch#MOST} articles.
	 */
	void raise(ArticleEvent.Origin origin, Map<String, List<Long>> byEdition) {
		byEdition.forEach((edition, ids) -> {
			for (int from = 0; from < ids.size(); from += ArticleBatch.MOST) {
				raise(new ArticleBatch(origin, edition,
						ids.subList(from, Math.min(ids.size(), from + ArticleBatch.MOST))));
			}
		});
	}

}
