package io.qalam.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.qalam.content.SearchableArticles.Searchable;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** One edition's index on disk: when it asks for a rebuild, and what it lets be found. */
class EditionIndexTests {

	private static final Locale ENGLISH = Locale.forLanguageTag("en-GB");

	private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

	@TempDir
	Path dir;

	@Test
	void aMissingIndexNeedsARebuildAndACompleteOneDoesNot() throws IOException {
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			assertThat(index.needsRebuild()).isTrue();
			index.startRebuild();
			index.put(article(1, "Harvest begins", NOW.minus(Duration.ofHours(1))));
			// updates while the rebuild runs do not mark the index complete
			index.publish();
		}
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			assertThat(index.needsRebuild()).as("cut off before the end").isTrue();
			index.startRebuild();
			index.put(article(1, "Harvest begins", NOW.minus(Duration.ofHours(1))));
			index.finishRebuild();
		}
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			assertThat(index.needsRebuild()).isFalse();
			assertThat(index.versions()).containsExactly(Map.entry(1L, 1));
		}
	}

	@Test
	void anIndexOfAnotherFormatNeedsARebuild() throws IOException {
		try (IndexWriter writer = new IndexWriter(FSDirectory.open(this.dir), new IndexWriterConfig())) {
			writer.setLiveCommitData(Map.of("qalam.format", "0").entrySet());
			writer.commit();
		}
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			assertThat(index.needsRebuild()).isTrue();
		}
	}

	@Test
	void anUnreadableIndexIsStartedAfresh() throws IOException {
		Files.writeString(this.dir.resolve("segments_1"), "not an index");
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			assertThat(index.needsRebuild()).isTrue();
			assertThat(index.size()).isZero();
		}
	}

	@Test
	void anArticleIsFoundOnlyOnceReadersMaySeeIt() throws IOException {
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			index.put(article(1, "Embargoed harvest figures", NOW.plus(Duration.ofHours(2))));
			index.put(article(2, "Harvest figures out", NOW.minus(Duration.ofHours(2))));
			index.publish();
			SearchRequest harvest = new SearchRequest("harvest", null, null, null, SearchRequest.Order.RELEVANCE, 1);
			assertThat(index.search(harvest, NOW, 10).hits()).extracting(SearchResults.Hit::id).containsExactly(2L);
			assertThat(index.search(harvest, NOW.plus(Duration.ofHours(3)), 10).hits())
				.extracting(SearchResults.Hit::id)
				.containsExactlyInAnyOrder(1L, 2L);
			index.remove(2);
			index.publish();
			assertThat(index.search(harvest, NOW, 10).total()).isZero();
		}
	}

	@Test
	void queriesAreWordsNeverSyntax() throws IOException {
		try (EditionIndex index = EditionIndex.open(this.dir, ENGLISH)) {
			index.put(article(1, "Rates: up (again) AND down?", NOW.minus(Duration.ofHours(1))));
			index.publish();
			for (String query : List.of("rates AND", "(again)", "rates:up", "\"down", "up*", "a~2", "[a TO z]", "\\",
					"-rates", "+rates", "rates^10", "/re/", "&&", "||", "!")) {
				SearchRequest request = new SearchRequest(query, null, null, null, SearchRequest.Order.RELEVANCE, 1);
				assertThat(index.search(request, NOW, 10)).as(query).isNotNull();
			}
			assertThat(index.terms("(again) AND down?")).containsExactly("again", "down");
			assertThat(index.terms("word ".repeat(100) + String.join(" ", List.of("a1", "b2", "c3"))))
				.hasSizeLessThanOrEqualTo(EditionIndex.MAX_TERMS);
		}
	}

	private static Searchable article(long id, String headline, Instant visibleFrom) {
		return new Searchable(id, 1, "en", "/en/2026/11/28/story-" + id, headline, "A lead.", "A body.", "world",
				visibleFrom, visibleFrom);
	}

}
