package io.qalam.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.qalam.DemoText;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Published articles for benchmarks: generated from the demo stories' sentences, spread
 * over the editions, sections, demo authors and a hundred tags per edition, one every few
 * minutes back from now; four in five carry one of the demo's pictures, as a portal's
 * articles mostly do. Written straight into the database, like demo content.
 */
public final class BenchArticles {

	private BenchArticles() {
	}

	/**
	 * Adds articles until {@code total} are published.
	 * @return how many were added
	 */
	public static int fill(ApplicationContext context, int total) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		BulkWrites bulk = context.getBean(BulkWrites.class);
		long published = jdbc.sql("SELECT COUNT(*) FROM articles WHERE status = 'PUBLISHED'")
			.query(Long.class)
			.single();
		int missing = (int) Math.max(0, total - published);
		if (missing == 0) {
			return 0;
		}
		List<Long> sections = jdbc.sql("SELECT id FROM sections ORDER BY position").query(Long.class).list();
		List<Long> authors = jdbc.sql("SELECT id FROM authors ORDER BY id").query(Long.class).list();
		List<Long> images = jdbc.sql("SELECT id FROM images ORDER BY id").query(Long.class).list();
		List<String> editions = List.of("ru", "kk", "en");
		Instant newest = context.getBean(Clock.class).instant().minus(Duration.ofMinutes(10));
		Random random = new Random(42);
		DemoText[] texts = new DemoText[editions.size()];
		try {
			for (int e = 0; e < texts.length; e++) {
				texts[e] = DemoText.of(Path.of("src/main/resources/demo/stories"), editions.get(e));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<NewArticle> batch = new ArrayList<>();
		for (int i = 0; i < missing; i++) {
			int e = i % editions.size();
			DemoText text = texts[e];
			StringBuilder body = new StringBuilder();
			for (int p = 0, paragraphs = 4 + random.nextInt(4); p < paragraphs; p++) {
				body.append("<p>");
				for (int s = 0; s < 3 + random.nextInt(3); s++) {
					body.append(HtmlUtils.htmlEscape(text.sentence(random))).append(' ');
				}
				body.append("</p>");
			}
			String tagWord = switch (editions.get(e)) {
				case "ru" -> "тема";
				case "kk" -> "тақырып";
				default -> "topic";
			};
			List<String> tags = List.of(tagWord + " " + random.nextInt(100),
					tagWord + " " + (100 + random.nextInt(100)));
			batch.add(new NewArticle(bulk.createStory(), editions.get(e), sections.get(random.nextInt(sections.size())),
					List.of(authors.get(random.nextInt(authors.size()))), text.headline(random, 5, 9),
					text.sentence(random) + " " + text.sentence(random), body.toString(), null,
					(images.isEmpty() || random.nextInt(5) == 0) ? null : images.get(random.nextInt(images.size())),
					null, null, "Bench", newest.minus(Duration.ofMinutes(3L * i)), tags));
			if (batch.size() == 1_000 || i == missing - 1) {
				bulk.insertPublished(ArticleEvent.Origin.DEMO, batch);
				batch.clear();
			}
		}
		return missing;
	}

}
