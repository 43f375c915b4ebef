package io.qalam.site;

import java.time.Instant;

import io.qalam.content.HomePage;
import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code site/home.jte}.
 *
 * @param now when the page was made: its news list says "yesterday" from it
 */
public record HomeModel(PublicLayout layout, HomePage home, Instant now) {

	/** When a listed article appeared: "14:05", "вчера 22:03", "28 ноября". */
	public String when(Instant publishedAt) {
		return this.layout.dates().listed(publishedAt, this.now, this.layout.messages().get("time.yesterday"));
	}

}
