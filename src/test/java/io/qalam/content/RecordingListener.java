package io.qalam.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener as Telegram and webhook delivery are: asynchronous, through the event
 * publication registry, and made to fail on demand ({@link ArticleEventsTests}). Part of
 * every {@code @QalamTest} context, so that those tests share one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingListener {

	private final List<Long> seen = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	// Methods, not fields: the bean is a proxy (the listener runs asynchronously)
	public List<Long> seen() {
		return this.seen;
	}

	public void reset(int failures) {
		this.seen.clear();
		this.failuresLeft.set(failures);
	}

	@ApplicationModuleListener
	public void on(ArticleEvent.ArticlePublished event) {
		if (this.failuresLeft.getAndDecrement() > 0) {
			throw new IllegalStateException("Simulated outage");
		}
		this.seen.add(event.articleId());
	}

}
