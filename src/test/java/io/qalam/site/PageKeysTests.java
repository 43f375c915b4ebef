package io.qalam.site;

import java.util.List;

import io.qalam.content.ArticleEvent.Placement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kept pages an article's change evicts, by the keys of what they show. */
class PageKeysTests {

	private static final Placement ECONOMY = new Placement("/en/2026/11/28/story", 2, List.of(7L), List.of(10L, 11L));

	@Test
	void anArrivalEvictsEveryListItJoins() {
		assertThat(PageKeys.changedBy(1, "en", 5, null, ECONOMY)).containsExactlyInAnyOrder("article-1", "story-5",
				"sitemaps", "list-en-latest", "list-en-section-2", "list-en-author-7", "list-en-tag-10",
				"list-en-tag-11");
	}

	@Test
	void aDepartureEvictsEveryListItLeaves() {
		assertThat(PageKeys.changedBy(1, "en", 5, ECONOMY, null)).containsExactlyInAnyOrder("article-1", "story-5",
				"sitemaps", "list-en-latest", "list-en-section-2", "list-en-author-7", "list-en-tag-10",
				"list-en-tag-11");
	}

	@Test
	void anEditInPlaceEvictsOnlyThePagesShowingTheArticle() {
		assertThat(PageKeys.changedBy(1, "en", 5, ECONOMY, ECONOMY)).containsExactlyInAnyOrder("article-1", "story-5",
				"sitemaps");
	}

	@Test
	void aMoveEvictsTheListsOnBothSidesOnly() {
		Placement moved = new Placement(ECONOMY.path(), 3, List.of(), List.of(11L, 12L));
		assertThat(PageKeys.changedBy(1, "kk", 5, ECONOMY, moved)).containsExactlyInAnyOrder("article-1", "story-5",
				"sitemaps", "list-kk-section-2", "list-kk-section-3", "list-kk-author-7", "list-kk-tag-10",
				"list-kk-tag-12");
	}

	@Test
	void aNewDateMovesTheArticleInEveryList() {
		Placement redated = new Placement("/en/2026/11/27/story", 2, List.of(7L), List.of(10L, 11L));
		assertThat(PageKeys.changedBy(1, "en", 5, ECONOMY, redated)).contains("list-en-latest", "list-en-section-2",
				"list-en-tag-10");
	}

	@Test
	void aChangeReadersNeverSawEvictsOnlyItsOwnPages() {
		assertThat(PageKeys.changedBy(1, "en", 5, null, null)).containsExactlyInAnyOrder("article-1", "story-5",
				"sitemaps");
	}

	@Test
	void keysAreHeaderSafe() {
		PageKeys keys = PageKeys.of("ru").article(1).story(2).section(3).tag(4).author(5).sectionList("ru", 3);
		assertThat(keys.header())
			.isEqualTo("edition-ru widgets-ru article-1 story-2 section-3 tag-4 author-5 list-ru-section-3");
		assertThat(keys.keys()).allMatch((key) -> PageKeys.KEY.matcher(key).matches());
	}

}
