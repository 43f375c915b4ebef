package io.qalam.site;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * This node's rendered public pages, one per address, within a memory budget (the pages
 * asked for least go first), found again by the keys of what they show ({@link PageKeys})
 * so that a change evicts exactly the pages it alters.
 * <p>
 * A page rendered while an eviction happened is not kept: it may have read the data from
 * before the change. Each eviction moves an epoch on; {@link #put} compares the epoch
 * from before the render.
 */
@Component
@EnableConfigurationProperties(PageCacheProperties.class)
class PageCache {

	private final Cache<String, CachedPage> pages;

	private final Map<String, Set<CachedPage>> byKey = new ConcurrentHashMap<>();

	private final AtomicLong epoch = new AtomicLong();

	private final Clock clock;

	private volatile long lastChange = Long.MIN_VALUE;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	PageCache(PageCacheProperties properties, Clock clock) {
		this.clock = clock;
		this.pages = properties.on() ? Caffeine.newBuilder()
			.maximumWeight(properties.memory().toBytes())
			// upkeep (making room) on the writing thread: no pool thread per change
			.executor(Runnable::run)
			.weigher((String url, CachedPage page) -> page.weight())
			.removalListener((String url, CachedPage page, RemovalCause cause) -> {
				if (page != null) {
					unindex(page);
				}
			})
			.build() : null;
	}

	/** Whether pages are kept at all ({@code qalam.cache.enabled}). */
	public boolean enabled() {
		return this.pages != null;
	}

	/** The kept page for this address, or null. */
	CachedPage get(String url) {
		if (this.pages == null) {
			return null;
		}
		CachedPage page = this.pages.getIfPresent(url);
		if (page != null && page.expired(this.clock.instant())) {
			changed();
			this.pages.asMap().remove(url, page);
			page = null;
		}
		if (page == null) {
			this.misses.increment();
		}
		else {
			this.hits.increment();
		}
		return page;
	}

	/** The epoch to pass to {@link #put}, taken before rendering. */
	long epoch() {
		return this.epoch.get();
	}

	/**
	 * The second of the latest eviction: a page assembled in that second may differ from
	 * another copy with the same {@code Last-Modified}.
	 */
	long lastChange() {
		return this.lastChange;
	}

	/**
	 * Keeps a page rendered since {@code epochBefore}; not kept if anything was evicted
	 * in between.
	 * @return whether the page was kept
	 */
	boolean put(CachedPage page, long epochBefore) {
		if (this.pages == null) {
			return false;
		}
		// Indexed first: an eviction that moves the epoch after the check below finds it
		for (String key : page.keys()) {
			this.byKey.compute(key, (k, set) -> {
				Set<CachedPage> found = (set != null) ? set : ConcurrentHashMap.newKeySet();
				found.add(page);
				return found;
			});
		}
		this.pages.put(page.url(), page);
		if (this.epoch.get() != epochBefore) {
			this.pages.asMap().remove(page.url(), page);
			unindex(page);
			return false;
		}
		return true;
	}

	/** Evicts every page that carries one of the keys. */
	void evict(Collection<String> keys) {
		changed();
		if (this.pages == null) {
			return;
		}
		for (String key : keys) {
			Set<CachedPage> found = this.byKey.remove(key);
			if (found != null) {
				for (CachedPage page : found) {
					if (this.pages.asMap().remove(page.url(), page)) {
						this.evictions.increment();
					}
				}
			}
		}
	}

	/** Drops every kept page (after missed signals, or when asked). */
	public void clear() {
		changed();
		if (this.pages != null) {
			this.pages.invalidateAll();
			this.byKey.clear();
		}
	}

	/** How the cache is doing on this node, since start. */
	public Stats stats() {
		if (this.pages == null) {
			return new Stats(false, 0, 0, this.hits.sum(), this.misses.sum(), this.evictions.sum());
		}
		long weight = this.pages.policy().eviction().map((e) -> e.weightedSize().orElse(0)).orElse(0L);
		return new Stats(true, this.pages.estimatedSize(), weight, this.hits.sum(), this.misses.sum(),
				this.evictions.sum());
	}

	private void changed() {
		this.epoch.incrementAndGet();
		this.lastChange = this.clock.instant().getEpochSecond();
	}

	private void unindex(CachedPage page) {
		for (String key : page.keys()) {
			this.byKey.computeIfPresent(key, (k, set) -> {
				set.remove(page);
				return set.isEmpty() ? null : set;
			});
		}
	}

	/**
	 * @param pages pages kept now
	 * @param bytes the memory they take, roughly
	 * @param evictions pages evicted by changes (not for room)
	 */
	public record Stats(boolean enabled, long pages, long bytes, long hits, long misses, long evictions) {
	}

}
