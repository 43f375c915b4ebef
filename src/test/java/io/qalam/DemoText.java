package io.qalam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sentences and words of the demo stories in one language, for benchmarks that need
 * many articles of real text.
 */
public record DemoText(List<String> sentences, List<String> words) {

	private static final Pattern BLOCK = Pattern.compile("(?s)== (\\w+)\\n(.*?)(?=\\n== |\\z)");

	/**
	 * The text of one edition's demo stories, from the story files in {@code stories}.
	 */
	public static DemoText of(Path stories, String edition) throws IOException {
		List<String> sentences = new ArrayList<>();
		try (Stream<Path> files = Files.list(stories)) {
			for (Path file : files.sorted().toList()) {
				Matcher block = BLOCK.matcher(Files.readString(file));
				while (block.find()) {
					if (!block.group(1).equals(edition)) {
						continue;
					}
					String plain = block.group(2)
						// pictures' captions and credits, tags and sources are no
						// sentences of a story
						.replaceAll("(?m)^(tags|caption|credit|source|inline-caption|inline-credit): .*$", "")
						.replaceAll("(?m)^live-\\d+: [^|]*\\| ", "")
						.replaceAll("(?m)^(headline|lead): ", "")
						.replaceAll("<[^>]+>|\\{\\{[^}]+}}", " ");
					for (String sentence : plain.split("(?<=[.!?»])\\s+|\\n+")) {
						if (sentence.strip().length() > 20) {
							sentences.add(sentence.strip());
						}
					}
				}
			}
		}
		List<String> words = sentences.stream()
			.flatMap((s) -> Arrays.stream(s.split("[^\\p{L}]+")))
			.filter((w) -> w.length() >= 5)
			.map((w) -> w.toLowerCase(Locale.ROOT))
			.toList();
		return new DemoText(sentences, words);
	}

	public String word(Random random) {
		return this.words.get(random.nextInt(this.words.size()));
	}

	public String sentence(Random random) {
		return this.sentences.get(random.nextInt(this.sentences.size()));
	}

	/** A headline of {@code min} to {@code max} words, capitalised. */
	public String headline(Random random, int min, int max) {
		StringBuilder headline = new StringBuilder();
		for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
			headline.append(i == 0 ? "" : " ").append(word(random));
		}
		return Character.toUpperCase(headline.charAt(0)) + headline.substring(1);
	}

}
