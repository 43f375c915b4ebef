package io.qalam.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.qalam.QalamApplication;
import io.qalam.content.Actor;
import io.qalam.content.ArticlePage;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.BenchArticles;
import io.qalam.content.Draft;
import io.qalam.content.PublishedArticles;
import io.qalam.accounts.Role;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Qalam side of {@code bench/run}: starts the site on a data directory, fills it with
 * generated articles, prints {@code READY <article path> <article id>}, then waits for
 * the harness: a file {@code measure} in the control directory makes it time
 * publish-to-visible (written to {@code publish.txt}); a file {@code stop} ends it. Given
 * other addresses (another node on the same database, an edge cache in front), it also
 * times each change until a reader there sees it.
 * <p>
 * Usage: {@code SiteBenchmark <port> <articles> <data dir> <cache on: true|false>
 * <control dir> [<other address>,…]}
 */
public final class SiteBenchmark {

	private static final Actor EDITOR = new Actor("bench-editor", Role.EDITOR);

	private static final int ROUNDS = 20;

	private SiteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int articles = Integer.parseInt(args[1]);
		Path data = Path.of(args[2]);
		boolean cache = Boolean.parseBoolean(args[3]);
		Path control = Path.of(args[4]);
		List<String> elsewhere = (args.length > 5) ? List.of(args[5].split(",")) : List.of();
		Map<String, String> settings = new HashMap<>(Map.of("server.port", Integer.toString(port), "qalam.data-dir",
				data.toString(), "qalam.cache.enabled", Boolean.toString(cache), "qalam.demo.enabled", "true",
				// no outside services, no background indexing while measuring
				"qalam.widgets.refresh.initial-delay", "PT24H", "qalam.search.check-interval", "24h",
				"qalam.secrets.key", "bench-secrets-key-of-at-least-32-characters", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(QalamApplication.class).run(
				settings.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		long start = System.nanoTime();
		int added = BenchArticles.fill(context, articles);
		if (added > 0) {
			System.out.printf("Generated %d articles in %.1f s%n", added, (System.nanoTime() - start) / 1e9);
		}
		context.getBean(PageCache.class).clear();
		// the benchmark's page: the newest generated Russian article (a full story)
		String path = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT id, slug, published_at FROM articles WHERE edition = 'ru' AND source_line = 'Bench' "
					+ "ORDER BY published_at DESC LIMIT 1")
			.query((rs,
					n) -> context.getBean(io.qalam.content.ArticlePaths.class)
						.path("ru", rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant(),
								rs.getString("slug"))
							+ " " + rs.getLong("id"))
			.single();
		System.out.println("READY " + path);
		System.out.flush();
		Files.createDirectories(control);
		while (!Files.exists(control.resolve("stop"))) {
			if (Files.exists(control.resolve("measure"))) {
				Files.writeString(control.resolve("publish.txt"), measure(context, port, elsewhere));
				Files.delete(control.resolve("measure"));
			}
			Thread.sleep(100);
		}
		context.close();
	}

	/**
	 * Publish-to-visible: the time from asking the workflow for a change until a reader's
	 * request first returns it — an edit on the article's own page, a new article on the
	 * home page.
	 */
	private static String measure(ConfigurableApplicationContext context, int port, List<String> elsewhere)
			throws IOException, InterruptedException {
		ArticleWorkflow workflow = context.getBean(ArticleWorkflow.class);
		PublishedArticles published = context.getBean(PublishedArticles.class);
		HttpClient http = HttpClient.newHttpClient();
		// the client's own start (threads, connection) is not Qalam's time
		http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ru/")).build(),
				HttpResponse.BodyHandlers.discarding());
		List<Double> edits = new ArrayList<>();
		List<Double> publications = new ArrayList<>();
		Map<String, List<Double>> seenElsewhere = new java.util.LinkedHashMap<>();
		elsewhere.forEach((base) -> seenElsewhere.put(base, new ArrayList<>()));
		java.util.concurrent.ExecutorService watchers = java.util.concurrent.Executors
			.newFixedThreadPool(Math.max(1, elsewhere.size()));
		// round 0 is the first change after start, which also runs some of the
		// workflow's code for the first time: reported on its own
		for (int round = 0; round <= ROUNDS; round++) {
			// an edit of an article in the middle of the latest news
			String path = published.home("ru").latest().get(5).path();
			ArticlePage article = published.article("ru", path.substring(path.lastIndexOf('/') + 1)).orElseThrow();
			var editable = workflow.find(article.id()).orElseThrow();
			Draft d = editable.draft();
			String edited = d.headline().replaceAll(" - правка \\d+$", "") + " - правка " + round;
			long t0 = System.nanoTime();
			workflow.save(EDITOR, article.id(), editable.version(),
					new Draft(edited, d.lead(), d.bodyHtml(), d.sectionSlug(), d.tags(), d.slug(), d.sourceLine(),
							d.seoDescription(), d.authorSlugs(), null, d.leadImageId(), d.leadImageCaption(),
							d.leadImageCredit()));
			edits.add(untilShown(http, "http://127.0.0.1:" + port, article.path(), edited, t0));

			String headline = "Срочно: новость " + round + " " + System.nanoTime();
			long id = workflow.createDraft(EDITOR, "ru",
					new Draft(headline, "Лид.", "<p>Текст.</p>", "kazakhstan", List.of(), "", null, null, null));
			long t1 = System.nanoTime();
			workflow.publish(EDITOR, id, 0);
			List<java.util.concurrent.Future<Double>> seen = new ArrayList<>();
			for (String base : elsewhere) {
				seen.add(watchers.submit(() -> untilShown(HttpClient.newHttpClient(), base, "/ru/", headline, t1)));
			}
			publications.add(untilShown(http, "http://127.0.0.1:" + port, "/ru/", headline, t1));
			for (int i = 0; i < elsewhere.size(); i++) {
				try {
					double millis = seen.get(i).get();
					if (round > 0) {
						seenElsewhere.get(elsewhere.get(i)).add(millis);
					}
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new IOException(ex.getCause());
				}
			}
		}
		watchers.shutdown();
		StringBuilder others = new StringBuilder();
		// "seen-at <address> p50 p95 max": a new article on the home page there
		seenElsewhere.forEach((base, millis) -> {
			List<Double> sorted = new ArrayList<>(millis);
			Collections.sort(sorted);
			others.append(String.format("seen-at %s %.1f %.1f %.1f%n", base, sorted.get(sorted.size() / 2),
					sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.get(sorted.size() - 1)));
		});
		String first = String.format("first %.1f %.1f%n", edits.remove(0), publications.remove(0));
		return "edit " + summary(edits) + "\npublish " + summary(publications) + "\n" + first + others
				+ "each edit (ms, in order):" + samples(edits) + "\neach publication:" + samples(publications) + "\n";
	}

	private static double untilShown(HttpClient http, String base, String path, String text, long since)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
		while (true) {
			String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			if (body.contains(text)) {
				return (System.nanoTime() - since) / 1e6;
			}
			if (System.nanoTime() - since > 10_000_000_000L) {
				return Double.POSITIVE_INFINITY;
			}
		}
	}

	private static String samples(List<Double> millis) {
		StringBuilder line = new StringBuilder();
		millis.forEach((m) -> line.append(' ').append(Math.round(m)));
		return line.toString();
	}

	// "p50 p99 max" in milliseconds
	private static String summary(List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return String.format("%.1f %.1f %.1f", sorted.get(sorted.size() / 2),
				sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1)),
				sorted.get(sorted.size() - 1));
	}

}
