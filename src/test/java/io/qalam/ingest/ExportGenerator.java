package io.qalam.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import io.qalam.DemoText;

/**
 * A WordPress export of a big portal for {@code bench/import}, written as a stream: posts
 * in Russian and Kazakh with the demo stories' sentences, one in three a Polylang pair,
 * ten categories with children, a few hundred tags, some drafts, scheduled and private
 * posts, internal links and block comments, as WordPress 6 writes them.
 * <p>
 * Usage: {@code ExportGenerator POSTS FILE}
 */
public final class ExportGenerator {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final String[] CATEGORIES = { "kazakhstan", "world", "economy", "sport", "culture", "technology",
			"obshchestvo", "proisshestviya", "zdorove", "obrazovanie" };

	private ExportGenerator() {
	}

	public static void main(String[] args) throws IOException {
		int posts = Integer.parseInt(args[0]);
		Path file = Path.of(args[1]);
		Path stories = Path.of("src/main/resources/demo/stories");
		DemoText ru = DemoText.of(stories, "ru");
		DemoText kk = DemoText.of(stories, "kk");
		Random random = new Random(42);
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			out.write("""
					<?xml version="1.0" encoding="UTF-8" ?>
					<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
						xmlns:content="http://purl.org/rss/1.0/modules/content/"
						xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
					<channel>
						<title>Большой портал</title>
						<link>https://big.example.kz</link>
						<wp:wxr_version>1.2</wp:wxr_version>
						<wp:base_site_url>https://big.example.kz</wp:base_site_url>
						<wp:base_blog_url>https://big.example.kz</wp:base_blog_url>
					""");
			for (int a = 0; a < 20; a++) {
				out.write("<wp:author><wp:author_login><![CDATA[author" + a
						+ "]]></wp:author_login><wp:author_display_name><![CDATA[" + ru.headline(random, 2, 2)
						+ "]]></wp:author_display_name></wp:author>\n");
			}
			for (String category : CATEGORIES) {
				out.write(category(category, category, ""));
				for (int child = 0; child < 3; child++) {
					out.write(category(category + "-" + child, ru.headline(random, 1, 2), category));
				}
			}
			long start = Instant.parse("2011-01-01T00:00:00Z").getEpochSecond();
			long step = (Instant.parse("2026-11-30T00:00:00Z").getEpochSecond() - start) / posts;
			for (int i = 1; i <= posts; i++) {
				boolean kazakh = i % 3 == 2;
				DemoText text = kazakh ? kk : ru;
				long id = 1000L + i;
				Instant at = Instant.ofEpochSecond(start + step * i);
				String status = (i % 97 == 0) ? "draft" : (i % 251 == 0) ? "private" : "publish";
				String slug = "post-" + id;
				StringBuilder body = new StringBuilder("<!-- wp:paragraph -->\n");
				for (int p = 0, n = 4 + random.nextInt(6); p < n; p++) {
					body.append("<p>");
					for (int s = 0; s < 3; s++) {
						body.append(text.sentence(random)).append(' ');
					}
					if (p == 1 && i > 10) {
						body.append("<a href=\"https://big.example.kz/?p=")
							.append(id - 1 - random.nextInt(9))
							.append("\">")
							.append(text.word(random))
							.append("</a>");
					}
					body.append("</p>\n");
				}
				body.append("<!-- /wp:paragraph -->");
				String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
				if (random.nextBoolean()) {
					category = category + "-" + random.nextInt(3);
				}
				StringBuilder terms = new StringBuilder();
				terms.append("<category domain=\"category\" nicename=\"")
					.append(category)
					.append("\"><![CDATA[x]]></category>\n");
				for (int t = 0, n = random.nextInt(4); t < n; t++) {
					int tag = random.nextInt(300);
					terms.append("<category domain=\"post_tag\" nicename=\"tag-")
						.append(tag)
						.append("\"><![CDATA[")
						.append(kazakh ? "Тақырып " : "Тема ")
						.append(tag)
						.append("]]></category>\n");
				}
				terms.append("<category domain=\"language\" nicename=\"")
					.append(kazakh ? "kk" : "ru")
					.append("\"><![CDATA[x]]></category>\n");
				if (i % 3 != 0) {
					// posts 3k+1 (ru) and 3k+2 (kk) translate one another
					terms.append("<category domain=\"post_translations\" nicename=\"pll_")
						.append((i + 2) / 3)
						.append("\"><![CDATA[x]]></category>\n");
				}
				out.write("""
						<item>
							<title><![CDATA[%s]]></title>
							<link>https://big.example.kz/%s/%s/</link>
							<dc:creator><![CDATA[author%d]]></dc:creator>
							<guid isPermaLink="false">https://big.example.kz/?p=%d</guid>
							<content:encoded><![CDATA[%s]]></content:encoded>
							<excerpt:encoded><![CDATA[%s]]></excerpt:encoded>
							<wp:post_id>%d</wp:post_id>
							<wp:post_date><![CDATA[%s]]></wp:post_date>
							<wp:post_date_gmt><![CDATA[%s]]></wp:post_date_gmt>
							<wp:post_name><![CDATA[%s]]></wp:post_name>
							<wp:status><![CDATA[%s]]></wp:status>
							<wp:post_type><![CDATA[post]]></wp:post_type>
							%s</item>
						""".formatted(text.headline(random, 5, 10), DATE.format(at).substring(0, 10).replace('-', '/'),
						slug, random.nextInt(20), id, body, text.sentence(random), id,
						DATE.format(at.plusSeconds(6 * 3600)), DATE.format(at), slug, status, terms));
			}
			out.write("</channel>\n</rss>\n");
		}
	}

	private static String category(String slug, String name, String parent) {
		return "<wp:category><wp:category_nicename><![CDATA[" + slug
				+ "]]></wp:category_nicename><wp:category_parent><![CDATA[" + parent
				+ "]]></wp:category_parent><wp:cat_name><![CDATA[" + name + "]]></wp:cat_name></wp:category>\n";
	}

}
