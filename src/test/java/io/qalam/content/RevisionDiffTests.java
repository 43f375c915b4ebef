package io.qalam.content;

import java.time.Instant;
import java.util.List;

import io.qalam.content.RevisionDiff.Kind;
import io.qalam.content.RevisionDiff.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionDiffTests {

	@Test
	void marksAddedAndRemovedWords() {
		assertThat(RevisionDiff.words("The bridge opens on Monday", "The new bridge opens on Tuesday")).containsExactly(
				new Segment(Kind.SAME, "The"), new Segment(Kind.ADDED, "new"),
				new Segment(Kind.SAME, "bridge opens on"), new Segment(Kind.REMOVED, "Monday"),
				new Segment(Kind.ADDED, "Tuesday"));
	}

	@Test
	void handlesEmptyAndIdenticalTexts() {
		assertThat(RevisionDiff.words("", "Новый текст")).containsExactly(new Segment(Kind.ADDED, "Новый текст"));
		assertThat(RevisionDiff.words("Бір сөз", "Бір сөз")).containsExactly(new Segment(Kind.SAME, "Бір сөз"));
		assertThat(RevisionDiff.words("", "")).isEmpty();
	}

	@Test
	void comparesTheBodyByParagraphTextWithoutMarkup() {
		Revision older = revision(1, "<p>First paragraph.</p><blockquote><p>A quote.</p></blockquote>");
		Revision newer = revision(2, "<p>First <strong>changed</strong> paragraph.</p><blockquote><p>A quote.</p>"
				+ "</blockquote><p>Added at the end.</p>");
		List<Segment> body = RevisionDiff.compare(older, newer).body();
		assertThat(body).contains(new Segment(Kind.ADDED, "changed"));
		assertThat(body).extracting(Segment::text).noneMatch((t) -> t.contains("<"));
		// the new paragraph comes with its paragraph break
		assertThat(body.get(body.size() - 1)).isEqualTo(new Segment(Kind.ADDED, "\nAdded at the end."));
	}

	private static Revision revision(int number, String body) {
		return new Revision(1, number, "Headline", "Lead", body, "editor", Instant.EPOCH, null, java.util.Map.of());
	}

}
