package io.qalam.content;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Articles in any state, rendered as readers would see them: only for the preview
 * address, which needs a signed token from the newsroom. Kept apart from
 * {@link PublishedArticles} so that no public page can reach a draft by mistake.
 */
@Component
public class ArticlePreviews {

	private final PublishedArticles articles;

	ArticlePreviews(PublishedArticles articles) {
		this.articles = articles;
	}

	/**
	 * The article as its page would show it, and whether readers see it now; never
	 * published ones as if published now.
	 */
	public Optional<Preview> preview(long id) {
		return this.articles.anyState(id)
			.map((page) -> new Preview(page,
					this.articles.article(page.edition(), page.slug())
						.map((shown) -> shown.id() == page.id())
						.orElse(false)));
	}

	/**
	 * An article for its preview.
	 *
	 * @param seenByReaders whether readers see it now (published, no embargo running)
	 */
	public record Preview(ArticlePage page, boolean seenByReaders) {
	}

}
