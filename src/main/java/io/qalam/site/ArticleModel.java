package io.qalam.site;

import java.util.List;

import io.qalam.content.ArticlePage;
import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code site/article.jte}.
 *
 * @param url the article's absolute address
 * @param preview whether this is the newsroom's preview of a possibly unpublished article
 * @param seenByReaders whether readers see the article now; a preview of a draft must not
 * say "published"
 */
public record ArticleModel(PublicLayout layout, ArticlePage article, List<ShareLink> share, String url, boolean preview,
		boolean seenByReaders) {
}
