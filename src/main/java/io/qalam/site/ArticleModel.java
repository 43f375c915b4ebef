package io.qalam.site;

import java.time.LocalDate;
import java.util.Locale;
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

	/**
	 * Where the page counts its view (the analytics module's beacon); null for a preview,
	 * which is no reader's view.
	 */
	public String viewBeacon() {
		return (this.preview || !this.seenByReaders) ? null
				: "/" + this.article.edition() + "/views/" + this.article.id();
	}

	/** The archive's page of the day the article was published (Almaty time). */
	public String dayPath() {
		LocalDate day = this.layout.dates().day(this.article.publishedAt());
		return String.format(Locale.ROOT, "/%s/%04d/%02d/%02d/", this.article.edition(), day.getYear(),
				day.getMonthValue(), day.getDayOfMonth());
	}

}
