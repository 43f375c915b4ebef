package io.qalam.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import io.qalam.DemoText;
import io.qalam.content.SearchableArticles.Searchable;

/**
 * The search benchmark (not a test; run it with {@code bench/search}): indexes generated
 * articles into one edition's index on disk through the same code as the application,
 * then times typical queries, with highlighting, and how long an updated article takes to
 * become searchable. The articles are made of the sentences of the demo stories in the
 * edition's language, so that the words and their frequencies are those of real news
 * text.
 *
 * <p>
 * Arguments: {@code [edition] [articles]}, by default {@code ru 100000}.
 */
public final class SearchBenchmark {

	private static final String[] SECTIONS = { "kazakhstan", "world", "economy", "sport", "culture", "science" };

	private static final Instant NEWEST = Instant.parse("2026-11-27T00:00:00Z");

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		String edition = (args.length > 0) ? args[0] : "ru";
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		Locale locale = switch (edition) {
			case "kk" -> Locale.forLanguageTag("kk-KZ");
			case "en" -> Locale.forLanguageTag("en-GB");
			default -> Locale.forLanguageTag("ru-RU");
		};
		Text text = Text.of(Path.of("src/main/resources/demo/stories"), edition);
		Random random = new Random(42);
		Path dir = Files.createTempDirectory("qalam-search-bench");
		try (EditionIndex index = EditionIndex.open(dir, locale)) {
			long start = System.nanoTime();
			index.startRebuild();
			for (int i = 1; i <= count; i++) {
				index.put(text.article(i, edition, random));
			}
			index.finishRebuild();
			double seconds = (System.nanoTime() - start) / 1e9;
			long bytes;
			try (Stream<Path> files = Files.list(dir)) {
				bytes = files.mapToLong((f) -> f.toFile().length()).sum();
			}
			System.out.printf("Edition %s, %d articles (%d characters of text each on average)%n", edition, count,
					text.averageLength(edition, new Random(42)));
			System.out.printf("Indexing: %.1f s, %.0f articles/s, index %.0f MB%n", seconds, count / seconds,
					bytes / 1e6);

			List<SearchRequest> queries = text.queries(new Random(7));
			Instant now = NEWEST.plus(Duration.ofDays(1));
			long found = 0;
			for (int round = 0; round < 3; round++) {
				for (SearchRequest query : queries) {
					found += index.search(query, now, 10).total();
				}
			}
			double[] latencies = new double[queries.size() * 5];
			int n = 0;
			for (int round = 0; round < 5; round++) {
				for (SearchRequest query : queries) {
					long t = System.nanoTime();
					index.search(query, now, 10);
					latencies[n++] = (System.nanoTime() - t) / 1e6;
				}
			}
			Arrays.sort(latencies);
			System.out.printf("Queries: %d typical queries x 5 rounds after 3 warm-up rounds (%d hits in warm-up)%n",
					queries.size(), found);
			System.out.printf("Query latency with highlighting: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
					percentile(latencies, 50), percentile(latencies, 95), latencies[latencies.length - 1]);

			double[] updates = new double[100];
			for (int i = 0; i < updates.length; i++) {
				Searchable article = text.article(1 + random.nextInt(count), edition, random);
				long t = System.nanoTime();
				index.put(article);
				index.publish();
				updates[i] = (System.nanoTime() - t) / 1e6;
			}
			Arrays.sort(updates);
			System.out.printf("Update to searchable (write, commit, refresh): p50 %.1f ms, p95 %.1f ms%n",
					percentile(updates, 50), percentile(updates, 95));
		}
		finally {
			try (Stream<Path> files = Files.list(dir)) {
				files.forEach((f) -> f.toFile().delete());
			}
			Files.deleteIfExists(dir);
		}
	}

	private static double percentile(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	/** Articles and queries made of the demo stories' text in one language. */
	private record Text(DemoText demo) {

		static Text of(Path stories, String edition) throws IOException {
			return new Text(DemoText.of(stories, edition));
		}

		Searchable article(long id, String edition, Random random) {
			StringBuilder headline = new StringBuilder();
			for (int i = 0, n = 5 + random.nextInt(5); i < n; i++) {
				headline.append(i == 0 ? "" : " ").append(word(random));
			}
			StringBuilder body = new StringBuilder();
			for (int i = 0, n = 20 + random.nextInt(20); i < n; i++) {
				body.append(sentence(random)).append(' ');
			}
			Instant published = NEWEST.minusSeconds(id * 600L);
			return new Searchable(id, 1, edition, "/" + edition + "/bench/" + id, headline.toString(),
					sentence(random) + " " + sentence(random), body.toString(),
					SECTIONS[random.nextInt(SECTIONS.length)], published, published);
		}

		int averageLength(String edition, Random random) {
			long total = 0;
			for (int i = 1; i <= 1000; i++) {
				Searchable a = article(i, edition, random);
				total += a.headline().length() + a.lead().length() + a.body().length();
			}
			return (int) (total / 1000);
		}

		// What readers type: mostly one or two words, sometimes three; some narrowed to a
		// section or a month, some by date
		List<SearchRequest> queries(Random random) {
			List<SearchRequest> queries = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				int words = (i % 10 < 5) ? 1 : (i % 10 < 9) ? 2 : 3;
				StringBuilder q = new StringBuilder();
				for (int w = 0; w < words; w++) {
					q.append(w == 0 ? "" : " ").append(word(random));
				}
				String section = (i % 5 == 0) ? SECTIONS[random.nextInt(SECTIONS.length)] : null;
				Instant from = (i % 7 == 0) ? NEWEST.minus(Duration.ofDays(30)) : null;
				SearchRequest.Order order = (i % 4 == 0) ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE;
				queries.add(new SearchRequest(q.toString(), section, from, null, order, 1));
			}
			return queries;
		}

		private String word(Random random) {
			return this.demo.word(random);
		}

		private String sentence(Random random) {
			return this.demo.sentence(random);
		}

	}

}
