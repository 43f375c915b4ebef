package io.qalam.site;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.web.PublicChrome;
import io.qalam.platform.web.SlotMarkers.Slot;
import io.qalam.platform.web.WidgetSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The widget fragments that fill the public pages' slots, each rendered once per change
 * of what it shows: one rates fragment per edition, one weather fragment per edition and
 * city. Asking costs a look at the stored values (which {@link WidgetSlots} keeps in
 * memory); a page whose fragments did not change is served as it was.
 */
@Component
class WidgetFragments {

	private static final Logger log = LoggerFactory.getLogger(WidgetFragments.class);

	private final WidgetSlots widgets;

	private final PublicChrome chrome;

	private final Editions editions;

	private final TemplateEngine templates;

	private final Map<Slot, Fragment> fragments = new ConcurrentHashMap<>();

	WidgetFragments(WidgetSlots widgets, PublicChrome chrome, Editions editions, TemplateEngine templates) {
		this.widgets = widgets;
		this.chrome = chrome;
		this.editions = editions;
		this.templates = templates;
	}

	/** The fragment for a slot as it is now; empty if the slot names no edition. */
	Fragment get(Slot slot) {
		Edition edition = this.editions.find(slot.edition()).orElse(null);
		if (edition == null) {
			return Fragment.EMPTY;
		}
		Object data;
		try {
			data = Slot.RATES.equals(slot.kind()) ? this.widgets.rates()
					: this.widgets.weather(edition.code(), slot.city());
		}
		catch (RuntimeException ex) {
			// CASE: the database failed (the error page still renders): the last fragment
			// known, else an empty slot
			log.debug("Widget slot {} filled from memory: {}", slot, ex.toString());
			return this.fragments.getOrDefault(slot, Fragment.EMPTY);
		}
		Fragment known = this.fragments.get(slot);
		if (known != null && known.data().equals(data)) {
			return known;
		}
		Fragment fresh = new Fragment(data, render(slot, edition, data));
		this.fragments.put(slot, fresh);
		return fresh;
	}

	private byte[] render(Slot slot, Edition edition, Object data) {
		StringOutput output = new StringOutput();
		String template = Slot.RATES.equals(slot.kind()) ? "tag/rates-widget.jte" : "tag/weather-widget.jte";
		String name = Slot.RATES.equals(slot.kind()) ? "rates" : "weather";
		this.templates.render(template, Map.of("m", this.chrome.messages(edition), "dates", this.chrome.dates(edition),
				name, data, "editionCode", edition.code()), output);
		return output.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A rendered widget and the values it was rendered from. */
	record Fragment(Object data, byte[] html) {

		static final Fragment EMPTY = new Fragment(new Object(), new byte[0]);

		Fragment {
			Objects.requireNonNull(data);
		}

	}

}
