package io.qalam.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting a rendered page at its widget markers, wherever they fall in it. */
class SlotMarkersTests {

	private final SlotMarkers markers = new SlotMarkers();

	@Test
	void markersAtTheStartInTheMiddleAtTheEndAndSideBySideAreAllFound() {
		String rates = this.markers.rates("ru");
		String weather = this.markers.weather("kk", "almaty");
		SlotMarkers.Split split = split(rates + "<p>a</p>" + weather + rates + "<p>б</p>" + weather);
		assertThat(split.slots()).extracting(SlotMarkers.Slot::kind)
			.containsExactly("rates", "weather", "rates", "weather");
		assertThat(split.slots().get(1).detail()).isEqualTo("almaty");
		assertThat(texts(split)).containsExactly("", "<p>a</p>", "", "<p>б</p>", "");
	}

	@Test
	void aPageWithoutMarkersIsOnePartAndAMalformedOrUnfinishedMarkerStaysText() {
		assertThat(texts(split("<p>no widgets</p>"))).containsExactly("<p>no widgets</p>");
		String rates = this.markers.rates("en");
		String prefix = rates.substring(0, rates.indexOf(":rates"));
		// kinds are open (a filler leaves an unknown kind empty), but they are names
		String page = "<p>" + prefix + ":Clock!:en--></p>" + rates + "<p>" + prefix + ":rates:en";
		SlotMarkers.Split split = split(page);
		assertThat(split.slots()).hasSize(1);
		assertThat(texts(split)).containsExactly("<p>" + prefix + ":Clock!:en--></p>", "<p>" + prefix + ":rates:en");
		// another start-up's marker is not ours
		assertThat(split(new SlotMarkers().rates("en")).slots()).isEmpty();
		assertThat(split("<p>" + prefix + ":breaking:kk--></p>").slots())
			.containsExactly(new SlotMarkers.Slot("breaking", "kk", null));
	}

	@Test
	void findsTheSameMarkersAsAPlainSearchInRandomPages() {
		Random random = new Random(42);
		String marker = this.markers.rates("ru");
		String alphabet = "<>!-:slot" + marker.substring(9, 15) + "aé ";
		for (int round = 0; round < 2_000; round++) {
			StringBuilder page = new StringBuilder();
			int pieces = random.nextInt(6);
			for (int i = 0; i < pieces; i++) {
				for (int n = random.nextInt(40); n > 0; n--) {
					page.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				if (random.nextBoolean()) {
					page.append(random.nextBoolean() ? marker : marker.substring(0, random.nextInt(marker.length())));
				}
			}
			String text = page.toString();
			assertThat(split(text).slots()).as(text).hasSize(occurrences(text, marker));
			assertThat(String.join("", texts(split(text)))).isEqualTo(text.replace(marker, ""));
		}
	}

	private SlotMarkers.Split split(String page) {
		return this.markers.split(page.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> texts(SlotMarkers.Split split) {
		return split.parts().stream().map((part) -> new String(part, StandardCharsets.UTF_8)).toList();
	}

	private static int occurrences(String text, String marker) {
		int count = 0;
		for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
			count++;
		}
		return count;
	}

}
