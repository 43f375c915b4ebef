package io.qalam.search;

import java.util.Comparator;
import java.util.List;

/**
 * A light suffix stemmer for Kazakh. Kazakh is agglutinative: a noun is its root, then
 * the plural, then a possessive, then a case ending ({@code қала·лар·ы·нда}, "in their
 * cities"); a verb takes tense and participle endings. The stemmer removes at most one
 * ending of each of those layers, from the end of the word inwards, and only when a root
 * with a vowel remains. A root-final б or г that was voiced before a vowel ending is made
 * voiceless again ({@code кітабы} → {@code кітап}).
 *
 * <p>
 * It works on words already lowercased and folded by {@link KazakhFolding}, so a word
 * typed on a Russian keyboard ({@code казакстанда}) stems exactly like the same word with
 * Kazakh letters ({@code Қазақстанда}); the endings below are written folded.
 *
 * <p>
 * Light by design: it makes the forms of one word meet ({@code мектепке},
 * {@code мектептен}, {@code мектептер} all give {@code мектеп}) without a dictionary, and
 * accepts that a few unrelated words meet too. Names in {@code -стан} are left whole,
 * since their ending looks like the ablative {@code -тан}.
 */
final class KazakhStemmer {

	// Case endings, and the verb endings that sit in the same place at the end of a word
	private static final List<String> CASE_AND_VERB = longestFirst(
			// genitive -ның/-нің/-дың/-дің/-тың/-тің
			"нын", "нин", "дын", "дин", "тын", "тин",
			// dative -ға/-ге/-қа/-ке
			"га", "ге", "ка", "ке",
			// accusative, and the past tense
			"ны", "ни", "ды", "ди", "ты", "ти",
			// locative
			"да", "де", "та", "те",
			// locative with -ғы/-гі, "the one in": -дағы/-дегі/-тағы/-тегі
			"дагы", "деги", "тагы", "теги",
			// ablative
			"дан", "ден", "тан", "тен", "нан", "нен",
			// instrumental
			"мен", "бен", "пен",
			// participles -ған/-ген/-қан/-кен/-атын/-етін, the present tense
			// -ады/-еді/-йды/-йді
			"ган", "ген", "кан", "кен", "атын", "етин", "йтын", "йтин", "йды", "йди", "ады", "еди");

	// After a possessive ending the case endings take an n: қаласына, қаласында,
	// қаласынан
	private static final List<String> CASE_AFTER_POSSESSIVE = longestFirst("на", "не", "нда", "нде", "нан", "нен",
			"ндагы", "ндеги");

	private static final List<String> POSSESSIVE = longestFirst("сы", "си", "ы", "и", "ым", "им", "ын", "ин", "мыз",
			"миз", "ымыз", "имиз");

	private static final List<String> PLURAL = longestFirst("лар", "лер", "дар", "дер", "тар", "тер");

	// The shortest root left after removing an ending of two letters or more, and of one
	private static final int MIN_ROOT = 2;

	private static final int MIN_ROOT_AFTER_ONE_LETTER = 3;

	private static final String VOWELS = "аеиоуыэюяё";

	private static final String VOICELESS = "кпстфхцчшщ";

	private KazakhStemmer() {
	}

	/** The stem of a lowercased, folded word; the word itself when no ending applies. */
	static String stem(String word) {
		if (isProtected(word)) {
			return word;
		}
		String stem = stripPossessiveCase(word);
		if (stem == null) {
			stem = strip(word, CASE_AND_VERB);
		}
		if (!isProtected(stem)) {
			stem = strip(stem, POSSESSIVE);
		}
		if (!isProtected(stem)) {
			stem = strip(stem, PLURAL);
		}
		return (stem.equals(word)) ? word : devoice(stem);
	}

	// The n-form case endings count only right after a possessive vowel
	private static String stripPossessiveCase(String word) {
		for (String ending : CASE_AFTER_POSSESSIVE) {
			String rest = word.substring(0, word.length() - Math.min(ending.length(), word.length()));
			if (word.endsWith(ending) && (rest.endsWith("ы") || rest.endsWith("и"))
					&& rest.length() > MIN_ROOT_AFTER_ONE_LETTER) {
				return rest;
			}
		}
		return null;
	}

	private static String strip(String word, List<String> endings) {
		for (String ending : endings) {
			int rest = word.length() - ending.length();
			int minimum = (ending.length() == 1) ? MIN_ROOT_AFTER_ONE_LETTER : MIN_ROOT;
			if (word.endsWith(ending) && rest >= minimum && hasVowel(word, rest)
					&& fits(ending, word.charAt(rest - 1))) {
				return word.substring(0, rest);
			}
		}
		return word;
	}

	// Endings starting with т or к follow voiceless consonants only, those starting with
	// д
	// or г never do (мектеп·ке, қала·ға): an ending that cannot follow the letter before
	// it is part of another ending (үкіме·ті is үкімет·і, "its government")
	private static boolean fits(String ending, char before) {
		boolean voiceless = VOICELESS.indexOf(before) >= 0;
		return switch (ending.charAt(0)) {
			case 'т', 'к' -> voiceless;
			case 'д', 'г' -> !voiceless;
			default -> true;
		};
	}

	private static String devoice(String stem) {
		char last = stem.charAt(stem.length() - 1);
		if (last == 'б') {
			return stem.substring(0, stem.length() - 1) + 'п';
		}
		if (last == 'г') {
			return stem.substring(0, stem.length() - 1) + 'к';
		}
		return stem;
	}

	private static boolean isProtected(String word) {
		return word.endsWith("стан");
	}

	// A root without a vowel is not a root: the "ending" was part of the word
	private static boolean hasVowel(String word, int length) {
		for (int i = 0; i < length; i++) {
			if (VOWELS.indexOf(word.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static List<String> longestFirst(String... endings) {
		return List.of(endings).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
	}

}
