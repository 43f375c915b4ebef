package io.qalam.search;

import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analysis for an edition's language: Lucene's Russian and English analyzers (stop
 * words and Snowball or Porter stemming), Qalam's own for Kazakh, and plain lowercased
 * words for any other language an edition may be set up in.
 */
final class LanguageAnalyzers {

	private LanguageAnalyzers() {
	}

	static Analyzer forLanguage(Locale locale) {
		return switch (locale.getLanguage()) {
			case "ru" -> new RussianAnalyzer();
			case "kk" -> new KazakhAnalyzer();
			case "en" -> new EnglishAnalyzer();
			default -> new StandardAnalyzer();
		};
	}

}
