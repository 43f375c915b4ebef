package io.qalam.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.qalam.content.ArticleStatus;
import io.qalam.content.AuthorRef;
import io.qalam.content.NewsroomArticles;
import io.qalam.content.SectionRef;
import io.qalam.platform.Text;
import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code newsroom/dashboard.jte}.
 *
 * @param reviewer whether the user reviews others' articles (an editor or admin)
 * @param waiting whether the list is what waits for this user's review
 * @param from the first day of the changes listed, as typed, or null
 * @param to the last day, as typed, or null
 * @param error what was wrong with the filter, or null
 * @param notice what the user's last step did, or null
 */
public record DashboardModel(NewsroomLayout layout, NewsroomArticles.Filter filter, boolean mine, boolean reviewer,
		boolean waiting, String from, String to, NewsroomArticles.Page results, List<String> editions,
		List<AuthorRef> authors, List<SectionRef> sections, List<ArticleStatus> statuses, Text error, Text notice) {

	/** The address of another page of the same list. */
	public String pageLink(int page) {
		StringBuilder link = new StringBuilder("/newsroom?page=").append(page);
		append(link, "edition", this.filter.edition());
		append(link, "section", this.filter.sectionSlug());
		append(link, "status", (this.filter.status() != null) ? this.filter.status().name() : null);
		append(link, "q", this.filter.words());
		append(link, "author", this.filter.authorSlug());
		append(link, "from", this.from);
		append(link, "to", this.to);
		if (this.mine) {
			link.append("&mine=true");
		}
		if (this.waiting) {
			link.append("&waiting=true");
		}
		return link.toString();
	}

	private static void append(StringBuilder link, String name, String value) {
		if (value != null) {
			link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

}
