package io.qalam.content;

import java.util.List;

import io.qalam.content.ArticleEvent.Origin;
import io.qalam.content.ArticleEvent.Placement;
import io.qalam.platform.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

/**
 * Runs the slow first steps of an edit once, in the background after start: building the
 * HTML sanitizer's policy and the event serializer's view of the article events. Done on
 * the first edit instead, under a spike's load, they held that edit back from readers for
 * over a second (profiled: two thirds of its processor time); later edits take a tenth of
 * that.
 */
@Component
class EditingWarmUp {

	private static final Logger log = LoggerFactory.getLogger(EditingWarmUp.class);

	private final EventSerializer events;

	EditingWarmUp(EventSerializer events) {
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Workers.start("editing-warm-up", Thread.MIN_PRIORITY, this::run);
	}

	/** Stores nothing and sends nothing: only runs the code. */
	void run() {
		try {
			BodySanitizer.sanitize("<p>Qalam <a href=\"https://qalam.example/\">warm-up</a></p>");
			Placement placement = new Placement("/ru/2026/01/01/warm-up", 1, List.of(1L), List.of(1L));
			for (ArticleEvent event : List.of(
					new ArticleEvent.ArticlePublished(1, "ru", 1, 1, Origin.NEWSROOM, null, placement),
					new ArticleEvent.ArticleUpdated(1, "ru", 1, 2, Origin.NEWSROOM, placement, placement),
					new ArticleEvent.ArticleUnpublished(1, "ru", 1, 3, Origin.NEWSROOM, placement, null))) {
				this.events.serialize(event);
			}
		}
		catch (RuntimeException ex) {
			// CASE: harmless: the first edit does the same work itself
			log.warn("Warming up the editing path failed", ex);
		}
	}

}
