package io.qalam.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.content.ArticleEvent.Origin;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes published articles in bulk, outside the newsroom: demo content and the imports.
 * All of a call is one transaction, and it raises one {@link ArticleBatch} per
 * {@link ArticleBatch#MOST} articles, which the page cache, "Read also", search and the
 * other nodes follow like any other change.
 */
@Component
public class BulkWrites {

	private final ArticleStore store;

	private final ArticleChanges changes;

	BulkWrites(ArticleStore store, ArticleChanges changes) {
		this.store = store;
		this.changes = changes;
	}

	/** A new story, for the articles that translate one another. */
	@Transactional
	public long createStory() {
		return this.store.createStory();
	}

	/**
	 * @return the new articles' ids, in order
	 */
	@Transactional
	public List<Long> insertPublished(Origin origin, List<NewArticle> articles) {
		List<Long> ids = new ArrayList<>(articles.size());
		Map<String, List<Long>> byEdition = new LinkedHashMap<>();
		for (NewArticle article : articles) {
			long id = this.store.insertPublished(article);
			ids.add(id);
			byEdition.computeIfAbsent(article.edition(), (edition) -> new ArrayList<>()).add(id);
		}
		this.changes.raise(origin, byEdition);
		return ids;
	}

}
