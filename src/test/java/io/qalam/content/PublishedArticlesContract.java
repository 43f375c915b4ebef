package io.qalam.content;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.qalam.edition.Editions;
import io.qalam.media.MediaLibrary;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public site may read, run against each database we support (see the
 * subclasses). Every test creates its own articles and looks only at those.
 */
abstract class PublishedArticlesContract {

	@Autowired
	ApplicationContext context;

	@Autowired
	PublishedArticles published;

	@Autowired
	Sections sections;

	@Autowired
	Tags tags;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findsAPublishedArticleBySlugWithItsSectionAndTags() {
		var created = article(this.context).in("en")
			.section("economy")
			.headline("Grain exports reach a new high")
			.tags("grain", "exports")
			.withImage()
			.create();
		var page = this.published.article("en", created.slug()).orElseThrow();
		assertThat(page.headline()).isEqualTo("Grain exports reach a new high");
		assertThat(page.path()).isEqualTo(created.path()).startsWith("/en/");
		assertThat(page.section().name()).isEqualTo("Economy");
		assertThat(page.tags()).extracting(TagRef::name).containsExactly("grain", "exports");
		assertThat(page.leadImage().credit()).isEqualTo("Test credit");
		assertThat(page.leadImage().image().variants()).containsExactly(480, 960, 1200);
	}

	@Test
	void neverShowsDraftsUnpublishedOrFutureArticles() {
		var draft = article(this.context).in("en").status(ArticleStatus.DRAFT).create();
		var unpublished = article(this.context).in("en").status(ArticleStatus.UNPUBLISHED).create();
		var scheduled = article(this.context).in("en").status(ArticleStatus.SCHEDULED).create();
		var future = article(this.context).in("en").publishedIn(Duration.ofHours(2)).create();
		for (var hidden : List.of(draft, unpublished, scheduled, future)) {
			assertThat(this.published.article("en", hidden.slug())).isEmpty();
		}
		var home = this.published.home("en");
		assertThat(home.latest()).extracting(ArticleSummary::id)
			.doesNotContain(draft.id(), unpublished.id(), scheduled.id(), future.id());
	}

	@Test
	void looksUpSlugsWithinTheEditionOnly() {
		var russian = article(this.context).in("ru").headline("Новости культуры").create();
		assertThat(this.published.article("ru", russian.slug())).isPresent();
		assertThat(this.published.article("kk", russian.slug())).isEmpty();
	}

	@Test
	void givesClashingHeadlinesDistinctSlugsPerEdition() {
		var first = article(this.context).in("kk").headline("Қар жауды").create();
		var second = article(this.context).in("kk").headline("Қар жауды").create();
		var elsewhere = article(this.context).in("en").headline("Қар жауды").create();
		assertThat(first.slug()).isEqualTo("qar-zhaudy");
		assertThat(second.slug()).isEqualTo("qar-zhaudy-2");
		assertThat(elsewhere.slug()).isEqualTo("qar-zhaudy");
	}

	@Test
	void linksTheTranslationsOfAStory() {
		var russian = article(this.context).in("ru").headline("Мост открыт").create();
		var english = article(this.context).in("en").headline("Bridge opens").translationOf(russian).create();
		article(this.context).in("kk")
			.headline("Көпір ашылды")
			.translationOf(russian)
			.status(ArticleStatus.DRAFT)
			.create();
		var page = this.published.article("ru", russian.slug()).orElseThrow();
		assertThat(page.translations()).extracting(ArticlePage.Translation::edition).containsExactly("en");
		assertThat(page.translations().get(0).path()).isEqualTo(english.path());
	}

	@Test
	void readAlsoPrefersSharedTagsAndNeverShowsTheArticleItselfOrHiddenOnes() {
		String tag = "tag" + System.nanoTime();
		var subject = article(this.context).in("en").tags(tag).create();
		var related = article(this.context).in("en").tags(tag).create();
		var hidden = article(this.context).in("en").tags(tag).status(ArticleStatus.DRAFT).create();
		var page = this.published.article("en", subject.slug()).orElseThrow();
		assertThat(page.readAlso()).hasSizeBetween(1, PublishedArticles.READ_ALSO);
		assertThat(page.readAlso().get(0).id()).isEqualTo(related.id());
		assertThat(page.readAlso()).extracting(ArticleSummary::id).doesNotContain(subject.id(), hidden.id());
	}

	@Test
	void readAlsoDrawsFromTheEditionsNewestArticlesOnly() {
		String tag = "window" + System.nanoTime();
		var old = article(this.context).in("en").tags(tag).publishedIn(Duration.ofDays(-400)).create();
		var subject = article(this.context).in("en").tags(tag).create();
		// with the whole archive in reach, the one sharing a tag comes first
		assertThat(this.published.article("en", subject.slug()).orElseThrow().readAlso()).first()
			.extracting(ArticleSummary::id)
			.isEqualTo(old.id());
		// as if a busy newsroom had written a month of articles since the old one: it is
		// beyond the newest the ranking holds, whatever it shares
		var recent = new RecentArticles(this.jdbc, this.context.getBean(Editions.class),
				this.context.getBean(ArticlePaths.class), 3);
		var reader = new PublishedArticles(this.jdbc, this.context.getBean(MediaLibrary.class),
				this.context.getBean(ArticlePaths.class), this.context.getBean(Clock.class), this.sections, recent);
		assertThat(reader.article("en", subject.slug()).orElseThrow().readAlso()).extracting(ArticleSummary::id)
			.doesNotContain(old.id(), subject.id());
	}

	@Test
	void readAlsoFollowsPublicationsUnpublicationsAndEmbargoes() {
		String tag = "follows" + System.nanoTime();
		var subject = article(this.context).in("kk").tags(tag).create();
		assertThat(this.published.article("kk", subject.slug()).orElseThrow().readAlso()).extracting(ArticleSummary::id)
			.isNotEmpty();
		var sharing = article(this.context).in("kk").tags(tag).publishedIn(Duration.ofDays(-300)).create();
		assertThat(this.published.article("kk", subject.slug()).orElseThrow().readAlso()).first()
			.extracting(ArticleSummary::id)
			.isEqualTo(sharing.id());
		var hidden = article(this.context).in("kk").tags(tag).status(ArticleStatus.UNPUBLISHED).create();
		var later = article(this.context).in("kk").tags(tag).publishedIn(Duration.ofHours(1)).create();
		assertThat(this.published.article("kk", subject.slug()).orElseThrow().readAlso()).extracting(ArticleSummary::id)
			.doesNotContain(hidden.id(), later.id());
		// the time asked for decides: an hour on, the scheduled one shows
		PublishedArticles anHourOn = new PublishedArticles(this.jdbc, this.context.getBean(MediaLibrary.class),
				this.context.getBean(ArticlePaths.class),
				Clock.offset(this.context.getBean(Clock.class), Duration.ofMinutes(61)), this.sections,
				this.context.getBean(RecentArticles.class));
		assertThat(anHourOn.article("kk", subject.slug()).orElseThrow().readAlso()).extracting(ArticleSummary::id)
			.contains(later.id());
	}

	@Test
	void pagesThroughASectionNewestFirst() {
		String tag = "paging" + System.nanoTime();
		var oldest = article(this.context).in("en").tags(tag).publishedIn(Duration.ofDays(-50)).create();
		for (int i = 0; i < PublishedArticles.PAGE_SIZE; i++) {
			article(this.context).in("en").tags(tag).publishedIn(Duration.ofDays(-20).minusMinutes(i)).create();
		}
		TagRef tagRef = this.tags.find("en", tag).orElseThrow();
		var first = this.published.byTag(tagRef, 1);
		var second = this.published.byTag(tagRef, 2);
		assertThat(first.items()).hasSize(PublishedArticles.PAGE_SIZE);
		assertThat(first.totalPages()).isEqualTo(2);
		assertThat(first.items().get(0).publishedAt()).isAfter(first.items().get(1).publishedAt());
		assertThat(second.items()).extracting(ArticleSummary::id).containsExactly(oldest.id());
		assertThat(this.published.byTag(tagRef, 3).items()).isEmpty();
	}

	@Test
	void namesSectionsInEachEditionsLanguage() {
		assertThat(this.sections.all("kk")).extracting(SectionRef::name)
			.containsExactly("Қазақстан", "Әлем", "Экономика", "Спорт", "Мәдениет", "Технология");
		assertThat(this.sections.find("en", "world").orElseThrow().name()).isEqualTo("World");
		assertThat(this.sections.find("en", "nope")).isEmpty();
	}

	@Test
	void storesOnlySanitizedBodies() {
		var created = article(this.context).in("en")
			.body("<p onclick=\"steal()\">Hello <a href=\"javascript:alert(1)\">x</a>"
					+ "<a href=\"https://example.org\">ok</a></p><script>alert(1)</script>"
					+ "<iframe src=\"https://evil.example\"></iframe><img src=\"https://evil.example/x.png\">"
					+ "<figure><img src=\"/media/1/960.jpg\" srcset=\"/media/1/480.jpg 480w, /media/1/960.jpg 960w\" "
					+ "alt=\"Ours\"><figcaption>Ours</figcaption></figure>")
			.create();
		String body = this.published.article("en", created.slug()).orElseThrow().bodyHtml();
		assertThat(body).doesNotContain("onclick", "javascript:", "<script", "<iframe", "evil.example")
			.contains("<a href=\"https://example.org\" rel=\"noopener\">ok</a>")
			.contains("src=\"/media/1/960.jpg\"", "srcset=\"/media/1/480.jpg 480w", "<figcaption>Ours</figcaption>");
	}

}
