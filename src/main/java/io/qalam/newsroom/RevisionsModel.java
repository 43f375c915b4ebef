package io.qalam.newsroom;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.content.EditableArticle;
import io.qalam.content.Revision;
import io.qalam.content.RevisionDiff;
import io.qalam.platform.Text;
import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code newsroom/revisions.jte}.
 *
 * @param revisions newest first
 * @param comparison the two revisions being compared, or null
 */
public record RevisionsModel(NewsroomLayout layout, EditableArticle article, List<Revision> revisions,
		RevisionDiff.Comparison comparison, Text error) {

	private static final Pattern RESTORED = Pattern.compile("Restored revision (\\d+)");

	private static final Pattern TRANSLATION = Pattern.compile("Translation of article (\\d+) \\(([a-z]{2,3})\\)");

	/**
	 * A revision's note in the newsroom's language; the workflow writes them in English.
	 */
	public Text note(Revision revision) {
		String note = revision.note();
		if (note == null) {
			return Text.of("revisions.note.none");
		}
		Matcher restored = RESTORED.matcher(note);
		Matcher translation = TRANSLATION.matcher(note);
		if (note.matches("SUBMIT|SCHEDULE|PUBLISH|EMBARGO|UNPUBLISH|BACK_TO_DRAFT|LIFT_EMBARGO")) {
			return Text.of("revisions.note." + note);
		}
		if ("Created".equals(note)) {
			return Text.of("revisions.note.created");
		}
		if (restored.matches()) {
			return Text.of("revisions.note.restored", restored.group(1));
		}
		if (translation.matches()) {
			return Text.of("revisions.note.translation", translation.group(1),
					Text.of("edition." + translation.group(2)));
		}
		return Text.of("revisions.note.other", note);
	}

}
