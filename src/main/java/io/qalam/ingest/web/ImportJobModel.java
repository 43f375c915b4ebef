package io.qalam.ingest.web;

import java.util.List;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.content.SectionRef;
import io.qalam.ingest.ImportJobs;
import io.qalam.ingest.ImportReport;
import io.qalam.platform.Text;

/**
 * The model of {@code ingest/job.jte}: one import, as far as it got.
 *
 * @param editions the site's edition codes, the default first
 * @param sections the sections a category may be put into
 * @param lines the report's first lines; all of them in its text file
 * @param statuses the export's posts by status, in words ("published: 2 · drafts: 1")
 * @param languages its posts by language, in words
 */
public record ImportJobModel(NewsroomLayout layout, ImportJobs.Job job, List<String> editions,
		List<SectionRef> sections, List<ImportReport.Line> lines, String statuses, String languages, Text error) {

	/**
	 * A section's name in the newsroom's language, or its slug for one still to be made.
	 */
	public String sectionName(String slug) {
		return this.sections.stream()
			.filter((s) -> s.slug().equals(slug))
			.map(SectionRef::name)
			.findFirst()
			.orElse(slug);
	}

	/** How many lines of the report the page shows. */
	public static final int LINES = 200;

}
