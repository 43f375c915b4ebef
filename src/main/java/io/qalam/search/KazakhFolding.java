package io.qalam.search;

/**
 * Brings the many ways Kazakh text is typed to one form. First, look-alike characters
 * from other alphabets that keyboards and old fonts put in place of Kazakh letters (Latin
 * ə, ɵ, i and h, Bashkir ҡ, Ukrainian ґ, and others) become the Kazakh letter — Latin
 * letters only inside a word that is otherwise Cyrillic. Then the nine letters Kazakh
 * adds to Russian fold to their nearest Russian letter (ә а, ғ г, қ к, ң н, ө о, ұ у, ү
 * у, һ х, і и), and ё to е: many readers type Kazakh on a Russian keyboard, and must find
 * the same articles.
 */
final class KazakhFolding {

	private KazakhFolding() {
	}

	/** The folded form of a lowercased word. */
	static String fold(CharSequence word) {
		boolean cyrillic = hasCyrillic(word);
		StringBuilder folded = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			folded.append(fold(word.charAt(i), cyrillic));
		}
		return folded.toString();
	}

	private static char fold(char c, boolean cyrillicWord) {
		return switch (c) {
			// ә and its look-alikes: Latin schwa, Cyrillic schwa with diaeresis
			case 'ә', 'ə', 'ӛ' -> 'а';
			// ғ and look-alikes: Ukrainian ґ, Cyrillic ге with a hook
			case 'ғ', 'ґ', 'ҕ' -> 'г';
			// қ and look-alikes: Bashkir ҡ, ка with a hook, ка with a vertical stroke
			case 'қ', 'ҡ', 'ӄ', 'ҝ' -> 'к';
			// ң and look-alikes: эн with a hook or a tail
			case 'ң', 'ӈ', 'ӊ' -> 'н';
			// ө and look-alikes: Latin barred o, Cyrillic о with diaeresis
			case 'ө', 'ɵ', 'ӫ' -> 'о';
			case 'ұ', 'ү' -> 'у';
			case 'һ' -> 'х';
			case 'і', 'ї' -> 'и';
			case 'ё' -> 'е';
			default -> cyrillicWord ? cyrillicLookAlike(c) : c;
		};
	}

	// Latin letters that look like Cyrillic ones, slipped into a Cyrillic word by a
	// keyboard
	// switched too late or by text recognition; і and һ are the Kazakh letters
	private static char cyrillicLookAlike(char c) {
		int i = "aceopxykmthi".indexOf(c);
		return (i >= 0) ? "асеорхукмтхи".charAt(i) : c;
	}

	private static boolean hasCyrillic(CharSequence word) {
		for (int i = 0; i < word.length(); i++) {
			if (Character.UnicodeScript.of(word.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
				return true;
			}
		}
		return false;
	}

}
