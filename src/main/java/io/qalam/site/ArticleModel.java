package io.qalam.site;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.List;

import io.qalam.content.ArticlePage;
import io.qalam.content.LiveBlogs;
import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code site/article.jte}.
 *
 * @param url the article's absolute address
 * @param preview whether this is the newsroom's preview of a possibly unpublished article
 * @param seenByReaders whether readers see the article now; a preview of a draft must not
 * say "published"
 * @param live the live blog's coverage and one page of its entries, or null for an
 * ordinary article
 */
public record ArticleModel(PublicLayout layout, ArticlePage article, List<ShareLink> share, String url, boolean preview,
		boolean seenByReaders, Live live) {

	public ArticleModel(PublicLayout layout, ArticlePage article, List<ShareLink> share, String url, boolean preview,
			boolean seenByReaders) {
		this(layout, article, share, url, preview, seenByReaders, null);
	}

	/** Where a page of the live blog is: its address for {@code ?page=N}. */
	public String livePage(int page) {
		return (page == 1) ? this.article.path() : this.article.path() + "?page=" + page;
	}

	/**
	 * A live blog as the page shows it.
	 *
	 * @param now when the page was made: entries say "yesterday" from it
	 */
	public record Live(LiveBlogs.Coverage coverage, LiveBlogs.EntriesPage entries, Instant now) {

		/** Where the page's script asks for newer entries; none once coverage ended. */
		public String poll(String edition, long articleId) {
			return (this.coverage.ended() || this.entries.page() != 1) ? null
					: "/" + edition + "/live/" + articleId + "/entries";
		}

	}

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

	/** The article's text as the page shows it (see {@link #withGalleries}). */
	public String bodyHtml() {
		return withGalleries(this.article.bodyHtml(), this.layout.messages().get("article.gallery"));
	}

	/**
	 * The article's text, its galleries made reachable by keyboard: a gallery scrolls
	 * sideways, so it takes the focus (and the arrow keys) with a name of its own.
	 */
	public static String withGalleries(String bodyHtml, String galleryName) {
		return bodyHtml.replace("<figure class=\"gallery\">",
				"<figure class=\"gallery\" tabindex=\"0\" role=\"region\" aria-label=\""
						+ org.springframework.web.util.HtmlUtils.htmlEscape(galleryName) + "\">");
	}

}
