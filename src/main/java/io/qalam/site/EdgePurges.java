package io.qalam.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qalam.platform.OutsideCall;
import io.qalam.platform.RetriedLater;
import io.qalam.platform.web.EdgeCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Purges the edge caches (Varnish, a CDN) by the keys a change evicted here, after the
 * change commits, from the node that made it. Recorded with the change
 * ({@link EdgePurgeRequested}), so a publish never waits for an edge and a purge that
 * fails is sent again by the registry's redelivery, also after a crash. Sent once more
 * shortly after ({@code qalam.edge.repurge-after}): another node may have given the edge
 * its old page before the change's signal reached it.
 */
@Component
@EnableConfigurationProperties(EdgeProperties.class)
class EdgePurges implements EdgeCache {

	private static final Logger log = LoggerFactory.getLogger(EdgePurges.class);

	// keys per request: headers stay well under the 8 KB servers take
	private static final int KEYS_PER_REQUEST = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EdgeProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	// built at the first purge: the TLS stack it loads costs the start about 0.2 s, and
	// most sites have no edge to purge
	private final SingletonSupplier<HttpClient> client;

	private final Map<String, Status> statuses = new LinkedHashMap<>();

	private final Timer visibleAtEdge;

	private final Counter sent;

	private final Counter failures;

	private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "edge-repurge");
		thread.setDaemon(true);
		return thread;
	});

	EdgePurges(EdgeProperties properties, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.visibleAtEdge = visible(meters, "edge");
		this.sent = purges(meters, "ok");
		this.failures = purges(meters, "failed");
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.client = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		properties.varnish().forEach((address) -> this.statuses.put(address.toString(), new Status()));
		if (properties.purgeUrl() != null) {
			this.statuses.put(properties.purgeUrl().toString(), new Status());
		}
	}

	/**
	 * Records a purge with the change being made (in its transaction); nothing when no
	 * edge is configured.
	 */
	void request(Collection<String> keys) {
		if (!this.properties.any() || keys.isEmpty()) {
			return;
		}
		EdgePurgeRequested purge = new EdgePurgeRequested(List.copyOf(keys), this.clock.instant());
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			this.events.publishEvent(purge);
		}
		else {
			// CASE: a change with no transaction of its own (an embargo ended): one just
			// for the registry's record
			this.transactions.executeWithoutResult((status) -> this.events.publishEvent(purge));
		}
	}

	@Override
	public void purge(Collection<String> keys) {
		request(keys);
	}

	@ApplicationModuleListener
	void on(EdgePurgeRequested purge) {
		List<String> failed = purge(purge.keys());
		if (failed.isEmpty() && purge.requestedAt() != null) {
			this.visibleAtEdge.record(Duration.between(purge.requestedAt(), this.clock.instant()));
		}
		if (!this.properties.repurgeAfter().isZero()) {
			this.later.schedule(() -> purge(purge.keys()), this.properties.repurgeAfter().toMillis(),
					TimeUnit.MILLISECONDS);
		}
		if (!failed.isEmpty()) {
			// the publication stays incomplete: the registry's redelivery sends it again
			throw new RetriedLater("Edge purge failed at " + String.join(", ", failed));
		}
	}

	/**
	 * @return the edges that did not take it
	 */
	List<String> purge(List<String> keys) {
		List<String> failed = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += KEYS_PER_REQUEST) {
			List<String> some = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_REQUEST));
			for (URI varnish : this.properties.varnish()) {
				send(varnish.toString(),
						HttpRequest.newBuilder(varnish.resolve("/"))
							.method("PURGE", HttpRequest.BodyPublishers.noBody())
							.header("xkey-purge", String.join(" ", some)),
						failed);
			}
			if (this.properties.purgeUrl() != null) {
				HttpRequest.Builder request = HttpRequest.newBuilder(this.properties.purgeUrl())
					.header("Content-Type", "application/json")
					.header(CachePolicy.SURROGATE_KEY, String.join(" ", some))
					.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("tags", some))));
				String token = this.properties.purgeToken();
				if (token != null && !token.isBlank()) {
					request.header("Authorization", "Bearer " + token.strip());
				}
				send(this.properties.purgeUrl().toString(), request, failed);
			}
		}
		return failed;
	}

	private void send(String edge, HttpRequest.Builder request, List<String> failed) {
		Status status = this.statuses.get(edge);
		try {
			OutsideCall.Answer answer = OutsideCall.send(this.client.obtain(),
					request.timeout(this.properties.timeout()).build(), 64 * 1024, this.properties.timeout());
			if (answer.status() / 100 == 2) {
				status.succeeded(this.clock.instant());
				this.sent.increment();
				return;
			}
			fail(edge, status, "answered " + answer.status() + " " + firstLine(answer.text()), failed);
		}
		catch (IOException ex) {
			fail(edge, status, ex.toString(), failed);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(edge, status, "interrupted", failed);
		}
	}

	private void fail(String edge, Status status, String why, List<String> failed) {
		status.failed(this.clock.instant(), why);
		this.failures.increment();
		if (!failed.contains(edge)) {
			failed.add(edge);
		}
		log.warn("Edge purge at {} failed: {}", edge, why);
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse("").strip();
		return (line.length() > 200) ? line.substring(0, 200) : line;
	}

	private static Counter purges(MeterRegistry meters, String result) {
		return Counter.builder("qalam.edge.purges")
			.description("Purge requests sent to the edge caches, by result")
			.tag("result", result)
			.register(meters);
	}

	/**
	 * The time from a change to readers seeing it {@code where}: this node, another node
	 * or the edge (its purge acknowledged).
	 */
	static Timer visible(MeterRegistry meters, String where) {
		return Timer.builder("qalam.publish.to.visible")
			.description("From a change to its pages being fresh, by where readers get them")
			.tag("where", where)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(meters);
	}

	/** Each edge's purges as this node sent them, for the newsroom's Edge page. */
	Map<String, Status> statuses() {
		return this.statuses;
	}

	/** How one edge took this node's purges. */
	static final class Status {

		private volatile Instant lastSuccess;

		private volatile Instant lastFailure;

		private volatile String lastError;

		private volatile int failuresInARow;

		void succeeded(Instant at) {
			this.lastSuccess = at;
			this.failuresInARow = 0;
		}

		synchronized void failed(Instant at, String why) {
			this.lastFailure = at;
			this.lastError = why;
			this.failuresInARow++;
		}

		Instant lastSuccess() {
			return this.lastSuccess;
		}

		Instant lastFailure() {
			return this.lastFailure;
		}

		String lastError() {
			return this.lastError;
		}

		/** Failures since the last success: a purge that keeps failing. */
		int failuresInARow() {
			return this.failuresInARow;
		}

	}

}
