package io.qalam.ingest.web;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.ingest.Wire;
import io.qalam.platform.Text;

/**
 * The model of {@code ingest/wire.jte} (the inbox) and {@code ingest/feeds.jte} (the
 * subscriptions).
 *
 * @param inbox a page of items; null on the subscriptions' page
 * @param feeds the subscriptions; empty on the inbox
 * @param editions the site's edition codes
 * @param typed the subscription form as typed, when it was refused
 * @param admin whether the reader may change the subscriptions
 */
public record WireModel(NewsroomLayout layout, Wire.Inbox inbox, List<Wire.Feed> feeds, List<String> editions,
		Map<String, String> typed, boolean admin, Text notice, Text error, Map<String, Text> errors) {

	public Text error(String field) {
		return this.errors.get(field);
	}

	public String typed(String field) {
		return this.typed.getOrDefault(field, "");
	}

}
