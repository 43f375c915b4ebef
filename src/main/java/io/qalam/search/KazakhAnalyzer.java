package io.qalam.search;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analysis for Kazakh text: words split by Unicode rules, lowercased, folded
 * ({@link KazakhFolding}), the commonest function words dropped, and stemmed
 * ({@link KazakhStemmer}). Offsets stay those of the original text, so highlighting marks
 * the words as written.
 */
final class KazakhAnalyzer extends Analyzer {

	// Conjunctions, postpositions, particles and pronouns that carry no meaning in a
	// search, written folded
	static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(
			java.util.List.of("жане", "мен", "бен", "пен", "да", "де", "та", "те", "бул", "сол", "осы", "ол", "ушин",
					"туралы", "бойынша", "деп", "емес", "биз", "сиз", "олар", "кейин", "дейин", "гой", "гана", "кана",
					"ма", "ме", "ба", "бе", "па", "пе", "не", "ал", "бирак", "немесе", "сиякты", "аркылы"),
			false));

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer source = new StandardTokenizer();
		TokenStream result = new LowerCaseFilter(source);
		result = new FoldFilter(result);
		result = new StopFilter(result, STOP_WORDS);
		result = new StemFilter(result);
		return new TokenStreamComponents(source, result);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new FoldFilter(new LowerCaseFilter(in));
	}

	private static final class FoldFilter extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		FoldFilter(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			String folded = KazakhFolding.fold(this.term);
			this.term.setEmpty().append(folded);
			return true;
		}

	}

	private static final class StemFilter extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		StemFilter(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!this.input.incrementToken()) {
				return false;
			}
			String stem = KazakhStemmer.stem(this.term.toString());
			this.term.setEmpty().append(stem);
			return true;
		}

	}

}
