package io.qalam.edition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@Test
	void transliteratesRussianHeadlines() {
		assertThat(Slugs.slugify("В Алматы открылись две новые станции метро"))
			.isEqualTo("v-almaty-otkrylis-dve-novye-stantsii-metro");
		assertThat(Slugs.slugify("Щедрый урожай: чьи ёлки, жёлтые хвойные и объявления?"))
			.isEqualTo("shchedryy-urozhay-chi-elki-zheltye-khvoynye-i-obyavleniya");
		assertThat(Slugs.slugify("Юный шахматист съел эту цаплю")).isEqualTo("yunyy-shakhmatist-sel-etu-tsaplyu");
	}

	@Test
	void foldsKazakhLettersFromTheLatinAlphabet() {
		assertThat(Slugs.slugify("Қазақстан мен әлем жаңалықтары")).isEqualTo("qazaqstan-men-alem-zhanalyqtary");
		assertThat(Slugs.slugify("Ұлытауда өнер көрмесі: һәм ғалымдар, үй, іс"))
			.isEqualTo("ulytauda-oner-kormesi-ham-galymdar-uy-is");
		assertThat(Slugs.slugify("Түркістан")).isEqualTo("turkistan");
	}

	@Test
	void dropsAccentsOfOtherScripts() {
		assertThat(Slugs.slugify("Café Zürich: São Paulo’s größte Straße"))
			.isEqualTo("cafe-zurich-sao-paulos-grosste-strasse");
		assertThat(Slugs.slugify("Don't panic — it's 2026!")).isEqualTo("dont-panic-its-2026");
	}

	@Test
	void isLowercaseAsciiWithSingleDashes() {
		assertThat(Slugs.slugify("  ---Hello,,,   WORLD!!!  ")).isEqualTo("hello-world");
		assertThat(Slugs.slugify("!!!")).isEmpty();
		assertThat(Slugs.slugify("中文标题")).isEmpty();
	}

	@Test
	void cutsLongHeadlinesAtAWordBoundaryWithinEightyCharacters() {
		String slug = Slugs.slugify("Очень длинный заголовок ".repeat(10));
		assertThat(slug).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
		assertThat(Slugs.isWellFormed(slug)).isTrue();
		assertThat(Slugs.slugify("a".repeat(200))).hasSize(80);
	}

	@Test
	void recognisesWellFormedSlugs() {
		assertThat(Slugs.isWellFormed("almaty-metro-2")).isTrue();
		assertThat(Slugs.isWellFormed("Almaty")).isFalse();
		assertThat(Slugs.isWellFormed("a--b")).isFalse();
		assertThat(Slugs.isWellFormed("-a")).isFalse();
		assertThat(Slugs.isWellFormed("../etc")).isFalse();
		assertThat(Slugs.isWellFormed("a".repeat(81))).isFalse();
	}

}
