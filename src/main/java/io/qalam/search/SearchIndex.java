package io.qalam.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qalam.content.SearchableArticles;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The search indexes of all editions on this node, and the one thread that writes to
 * them. Every change — an article event, a check against the database, a rebuild — is a
 * task on that thread, so changes apply in the order they were asked for and a rebuild
 * never interleaves with an update. Each task reads the article's current state from the
 * database, so a late or repeated task can only make the index more right.
 *
 * <p>
 * Once the application is ready, an edition's index that is missing or of an older format
 * is rebuilt and any other is checked against the database, in the background: the site
 * serves meanwhile.
 */
@Component
@EnableConfigurationProperties(SearchProperties.class)
public class SearchIndex implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private static final int BATCH = 500;

	private final Editions editions;

	private final SearchableArticles articles;

	private final SearchProperties properties;

	private final Clock clock;

	private volatile boolean checked;

	private final Map<String, EditionIndex> indexes = new LinkedHashMap<>();

	private ThreadPoolTaskExecutor writer;

	private volatile Rebuild rebuild = Rebuild.NONE;

	private volatile boolean stopping;

	private final AtomicInteger pending = new AtomicInteger();

	private final boolean commandLine;

	// from a change committed to its article being found (or no longer found) here
	private final Timer lag;

	SearchIndex(Editions editions, SearchableArticles articles, SearchProperties properties, Clock clock,
			Environment environment, MeterRegistry meters) {
		this.commandLine = environment.getProperty("qalam.command-line", Boolean.class, false);
		this.lag = Timer.builder("qalam.search.index.lag")
			.description("From an article's change committed to its entry in this node's search index")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(meters);
		Gauge.builder("qalam.search.index.pending", this.pending, AtomicInteger::get)
			.description("Index tasks waiting or running")
			.register(meters);
		this.editions = editions;
		this.articles = articles;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		try {
			for (Edition edition : this.editions.all()) {
				this.indexes.put(edition.code(),
						EditionIndex.open(this.properties.dir().resolve(edition.code()), edition.locale()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + this.properties.dir(), ex);
		}
		this.stopping = false;
		this.writer = Workers.inOrder("search-indexer");
	}

	/**
	 * Once the application is up (first-start content loaded), rebuilds the indexes that
	 * need it and checks the others against the database, in the background.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void catchUp() {
		if (!isRunning()) {
			return;
		}
		List<String> outdated = this.indexes.entrySet()
			.stream()
			.filter((e) -> e.getValue().needsRebuild())
			.map(Map.Entry::getKey)
			.toList();
		if (!outdated.isEmpty()) {
			log.info("Search index of {} missing or outdated; rebuilding in the background", outdated);
			rebuild(outdated);
		}
		check();
	}

	@Override
	public synchronized void stop() {
		if (this.writer == null) {
			return;
		}
		// Queued tasks see the flag and return; a rebuild stops between two articles.
		// Never interrupt: an interrupted Lucene write closes the index's files
		this.stopping = true;
		this.writer.shutdown();
		try {
			this.writer.getThreadPoolExecutor().awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (EditionIndex index : this.indexes.values()) {
			try {
				index.close();
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Search index did not close cleanly: {}", ex.toString());
			}
		}
		this.indexes.clear();
		this.writer = null;
	}

	/**
	 * Not opened by a command run from the command line ({@code qalam.command-line}): the
	 * site's nodes keep their own indexes and check them against the database.
	 */
	@Override
	public boolean isAutoStartup() {
		return !this.commandLine;
	}

	// Open before anything that may send updates (other nodes' signals) starts
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.writer != null;
	}

	/** Searches an edition for articles readers may see now. */
	public SearchResults search(String edition, SearchRequest request) {
		EditionIndex index = this.indexes.get(edition);
		if (index == null) {
			return SearchResults.NONE;
		}
		try {
			return index.search(request, this.clock.instant(), this.properties.pageSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Brings one article's entry up to date with the database: added, replaced or
	 * removed.
	 */
	public Future<?> update(String edition, long articleId) {
		return update(edition, List.of(articleId));
	}

	/** Brings these articles' entries up to date, made searchable together. */
	public Future<?> update(String edition, List<Long> articleIds) {
		long queued = System.nanoTime();
		return submit(() -> {
			EditionIndex index = this.indexes.get(edition);
			if (index == null) {
				return;
			}
			for (long articleId : articleIds) {
				var article = this.articles.find(articleId);
				if (article.isPresent() && article.get().edition().equals(edition)) {
					index.put(article.get());
				}
				else {
					index.remove(articleId);
				}
			}
			if (!this.rebuild.running()) {
				index.publish();
				this.lag.record(System.nanoTime() - queued, TimeUnit.NANOSECONDS);
			}
		});
	}

	/** Rebuilds every edition's index from the database, in the background. */
	public Future<?> rebuildAll() {
		return rebuild(List.copyOf(this.indexes.keySet()));
	}

	/**
	 * Compares every edition's index with the database and repairs what differs; runs
	 * after start and then every {@code qalam.search.check-interval}.
	 */
	public Future<?> check() {
		return submit(() -> {
			for (Map.Entry<String, EditionIndex> entry : this.indexes.entrySet()) {
				if (!entry.getValue().needsRebuild()) {
					check(entry.getKey(), entry.getValue());
				}
			}
			this.checked = true;
		});
	}

	/**
	 * Whether the index has been checked against the database since this start (after any
	 * rebuild the start needed): until then searches may miss articles.
	 */
	public boolean checked() {
		return this.checked || !isRunning();
	}

	private void check(String edition, EditionIndex index) throws IOException {
		Map<Long, Integer> indexed = index.versions();
		int repaired = 0;
		Map<Long, Integer> stored = new HashMap<>();
		this.articles.forEachVersion(edition, (v) -> stored.put(v.id(), v.version()));
		for (Map.Entry<Long, Integer> entry : stored.entrySet()) {
			if (!entry.getValue().equals(indexed.get(entry.getKey()))) {
				var article = this.articles.find(entry.getKey());
				if (article.isPresent()) {
					index.put(article.get());
					repaired++;
				}
			}
		}
		for (Long id : indexed.keySet()) {
			if (!stored.containsKey(id)) {
				index.remove(id);
				repaired++;
			}
		}
		if (repaired > 0) {
			index.publish();
			log.info("Search index of {}: {} articles brought up to date", edition, repaired);
		}
	}

	private Future<?> rebuild(List<String> codes) {
		return submit(() -> {
			Instant started = this.clock.instant();
			int total = 0;
			for (String code : codes) {
				total += this.articles.count(code);
			}
			AtomicInteger done = new AtomicInteger();
			this.rebuild = new Rebuild(true, total, done, started, null);
			try {
				for (String code : codes) {
					EditionIndex index = this.indexes.get(code);
					index.startRebuild();
					this.articles.forEach(code, BATCH, (article) -> {
						if (this.stopping) {
							throw new CancellationException("stopping");
						}
						try {
							index.put(article);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						done.incrementAndGet();
					});
					index.finishRebuild();
				}
				this.rebuild = new Rebuild(false, total, done, started, this.clock.instant());
				log.info("Search index rebuilt: {} articles in {} s", done.get(),
						Duration.between(started, this.clock.instant()).toSeconds());
			}
			catch (RuntimeException | IOException ex) {
				this.rebuild = new Rebuild(false, total, done, started, null);
				throw ex;
			}
		});
	}

	/** The state of the last rebuild on this node. */
	public Rebuild rebuildState() {
		return this.rebuild;
	}

	/** How many articles each edition's index holds, as searches see it. */
	public Map<String, Integer> sizes() {
		Map<String, Integer> sizes = new LinkedHashMap<>();
		this.indexes.forEach((code, index) -> {
			try {
				sizes.put(code, index.size());
			}
			catch (IOException ex) {
				sizes.put(code, -1);
			}
		});
		return sizes;
	}

	/** Queries longer than this are not searched; the reader is asked for fewer words. */
	public int maxQueryLength() {
		return this.properties.maxQueryLength();
	}

	/** Index tasks waiting or running. */
	public int pending() {
		return this.pending.get();
	}

	private Future<?> submit(IndexTask task) {
		ThreadPoolTaskExecutor executor = this.writer;
		if (executor == null) {
			throw new IllegalStateException("The search index is not running");
		}
		this.pending.incrementAndGet();
		try {
			return executor.submit(() -> {
				try {
					if (!this.stopping) {
						task.run();
					}
					return null;
				}
				catch (Exception ex) {
					// The next check against the database repairs what this task left
					// undone
					log.warn("Search index task failed: {}", ex.toString());
					throw ex;
				}
				finally {
					this.pending.decrementAndGet();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.pending.decrementAndGet();
			throw new IllegalStateException("The search index is stopping", ex);
		}
	}

	@FunctionalInterface
	private interface IndexTask {

		void run() throws Exception;

	}

	/**
	 * A rebuild's progress.
	 *
	 * @param finishedAt when it finished, or null if it is running or failed
	 */
	public record Rebuild(boolean running, int total, AtomicInteger done, Instant startedAt, Instant finishedAt) {

		static final Rebuild NONE = new Rebuild(false, 0, new AtomicInteger(), null, null);

		/** Articles indexed so far. */
		public int indexed() {
			return this.done.get();
		}

	}

}
