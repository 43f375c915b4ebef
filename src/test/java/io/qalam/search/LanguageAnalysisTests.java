package io.qalam.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis of each edition's language, on real word forms: the inflected forms of a
 * word must give the same term, or a reader typing one form will not find the other.
 */
class LanguageAnalysisTests {

	private static final Analyzer KAZAKH = LanguageAnalyzers.forLanguage(Locale.forLanguageTag("kk-KZ"));

	private static final Analyzer RUSSIAN = LanguageAnalyzers.forLanguage(Locale.forLanguageTag("ru-RU"));

	private static final Analyzer ENGLISH = LanguageAnalyzers.forLanguage(Locale.forLanguageTag("en-GB"));

	@ParameterizedTest(name = "{0} is a form of {1}")
	@CsvSource({
			// қала, city: plural, the six cases, plural + case, possessive + case
			"қалалар, қала", "қаланың, қала", "қалаға, қала", "қаланы, қала", "қалада, қала", "қаладан, қала",
			"қаламен, қала", "қалаларда, қала", "қаласы, қала", "қаласына, қала", "қаласында, қала",
			"қалалардағы, қала",
			// мектеп, school: endings after a voiceless consonant
			"мектептер, мектеп", "мектептің, мектеп", "мектепке, мектеп", "мектепті, мектеп", "мектепте, мектеп",
			"мектептен, мектеп", "мектеппен, мектеп",
			// кітап, book: the final п is voiced before a vowel, and made voiceless again
			"кітабы, кітап", "кітаптар, кітап", "кітапқа, кітап",
			// Қазақстан keeps its -стан, which only looks like the ablative -тан
			"Қазақстанның, Қазақстан", "Қазақстанға, Қазақстан", "Қазақстанда, Қазақстан", "Қазақстаннан, Қазақстан",
			"Қазақстанды, Қазақстан",
			// үкімет, government
			"үкіметтің, үкімет", "үкіметке, үкімет", "үкіметі, үкімет",
			// жазу, to write: past, present, participle; жариялау, to publish
			"жазды, жаз", "жазады, жаз", "жазған, жаз", "жариялайды, жариялаған",
			// typed on a Russian keyboard, without the Kazakh letters
			"казакстанда, Қазақстан", "калага, қала", "укиметтин, үкімет",
			// look-alike letters from other alphabets: Latin i, Bashkir ҡ
			"Қазaқстан, Қазақстан", "ҡала, қала", "мектeп, мектеп" })
	void kazakhFormsOfAWordMeet(String form, String word) throws IOException {
		assertThat(terms(KAZAKH, form)).isEqualTo(terms(KAZAKH, word)).hasSize(1);
	}

	@Test
	void kazakhKeepsShortRootsAndDropsFunctionWords() throws IOException {
		assertThat(terms(KAZAKH, "су")).containsExactly("су");
		assertThat(terms(KAZAKH, "ел")).containsExactly("ел");
		assertThat(terms(KAZAKH, "Қала және ауыл үшін")).containsExactly("кала", "ауыл");
	}

	@Test
	void kazakhDoesNotMergeDifferentWords() throws IOException {
		assertThat(terms(KAZAKH, "қала")).isNotEqualTo(terms(KAZAKH, "қалам"));
		assertThat(terms(KAZAKH, "мектеп")).isNotEqualTo(terms(KAZAKH, "мектепші"));
	}

	@ParameterizedTest(name = "{0} is a form of {1}")
	@CsvSource({ "выборов, выборы", "президента, президент", "Президенту, президент", "городами, город",
			"новостях, новость", "опубликовал, опубликовала" })
	void russianFormsOfAWordMeet(String form, String word) throws IOException {
		assertThat(terms(RUSSIAN, form)).isEqualTo(terms(RUSSIAN, word)).hasSize(1);
	}

	@ParameterizedTest(name = "{0} is a form of {1}")
	@CsvSource({ "elections, election", "President's, president", "running, runs", "cities, city" })
	void englishFormsOfAWordMeet(String form, String word) throws IOException {
		assertThat(terms(ENGLISH, form)).isEqualTo(terms(ENGLISH, word)).hasSize(1);
	}

	static List<String> terms(Analyzer analyzer, String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

}
