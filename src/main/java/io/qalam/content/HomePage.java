package io.qalam.content;

import java.util.List;

/**
 * What an edition's home page shows.
 *
 * @param lead the lead story, or null when the edition has nothing published
 * @param secondary up to three more of the newest stories with a picture, shown under the
 * lead
 * @param latest the latest news after the lead story (the secondary stories among them: a
 * reader reads the list as the hours' news)
 * @param sections a block of the latest articles per section, in section order; empty
 * sections are left out
 */
public record HomePage(ArticleSummary lead, List<ArticleSummary> secondary, List<ArticleSummary> latest,
		List<SectionBlock> sections) {

	public record SectionBlock(SectionRef section, List<ArticleSummary> articles) {
	}

}
