package io.qalam.widgets;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.SiteProperties;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.Numbers;
import io.qalam.platform.web.SlotMarkers.Slot;
import io.qalam.platform.web.WidgetSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Fills the public pages' rates, weather and breaking-news slots, each fragment rendered
 * once per change of what it shows: one rates fragment per edition, one weather fragment
 * per edition and city, one banner per edition (none while no banner is set). Asking
 * costs a look at the stored values ({@link StoredWidgets} keeps them in memory); a page
 * whose fragments did not change is served as it was.
 */
@Component
class WidgetFragments implements WidgetSlots {

	private static final Logger log = LoggerFactory.getLogger(WidgetFragments.class);

	// each kind of slot this module fills, and the template that draws it
	private static final Map<String, String> TEMPLATES = Map.of(Slot.RATES, "widgets/rates-widget.jte", Slot.WEATHER,
			"widgets/weather-widget.jte", Slot.BREAKING, "widgets/breaking-widget.jte");

	private final StoredWidgets stored;

	private final BreakingNews breaking;

	private final Editions editions;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final SiteProperties site;

	// The last fragment of each slot, with what it was rendered from. Bounded: the slots
	// are editions × cities, and an unknown city falls back to the default one.
	private final Cache<Slot, Rendered> rendered = Caffeine.newBuilder().maximumSize(1_000).build();

	WidgetFragments(StoredWidgets stored, BreakingNews breaking, Editions editions, TemplateEngine templates,
			MessageSource messages, SiteProperties site) {
		this.stored = stored;
		this.breaking = breaking;
		this.editions = editions;
		this.templates = templates;
		this.messages = messages;
		this.site = site;
	}

	@Override
	public Set<String> kinds() {
		return TEMPLATES.keySet();
	}

	// weather for one city of the list, or the edition's own
	@Override
	public boolean fills(Slot slot) {
		return TEMPLATES.containsKey(slot.kind())
				&& (slot.detail() == null || (Slot.WEATHER.equals(slot.kind()) && City.exists(slot.detail())));
	}

	@Override
	public Fragment fragment(Slot slot) {
		String template = TEMPLATES.get(slot.kind());
		Edition edition = this.editions.find(slot.edition()).orElse(null);
		if (template == null || edition == null) {
			return Fragment.EMPTY;
		}
		Object data;
		try {
			data = switch (slot.kind()) {
				case Slot.RATES -> this.stored.rates();
				case Slot.WEATHER -> this.stored.weather(edition.code(), slot.detail());
				default -> this.breaking.current(edition.code()).orElse(null);
			};
		}
		catch (RuntimeException ex) {
			// CASE: the database failed (the error page still renders): the last fragment
			// known, else an empty slot
			log.debug("Widget slot {} filled from memory: {}", slot, ex.toString());
			Rendered known = this.rendered.getIfPresent(slot);
			return (known != null) ? known.fragment() : Fragment.EMPTY;
		}
		if (data == null) {
			// no banner set
			return Fragment.EMPTY;
		}
		Rendered known = this.rendered.getIfPresent(slot);
		if (known != null && known.data().equals(data)) {
			return known.fragment();
		}
		Rendered fresh = new Rendered(data, new Fragment(render(template, edition, data)));
		this.rendered.put(slot, fresh);
		return fresh.fragment();
	}

	private byte[] render(String template, Edition edition, Object data) {
		StringOutput output = new StringOutput();
		this.templates.render(template,
				Map.of("m", new Messages(this.messages, edition.locale()), "dates",
						new Dates(this.site.timeZone(), edition.locale()), "n", new Numbers(edition.locale()), "data",
						data, "editionCode", edition.code()),
				output);
		return output.toString().getBytes(StandardCharsets.UTF_8);
	}

	private record Rendered(Object data, Fragment fragment) {

		Rendered {
			Objects.requireNonNull(data);
		}

	}

}
