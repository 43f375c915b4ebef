package io.qalam.newsroom;

import java.util.List;

import io.qalam.content.EditableArticle;
import io.qalam.content.Revision;
import io.qalam.content.RevisionDiff;
import io.qalam.platform.web.Dates;
import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code newsroom/revisions.jte}.
 *
 * @param revisions newest first
 * @param comparison the two revisions being compared, or null
 */
public record RevisionsModel(NewsroomLayout layout, EditableArticle article, List<Revision> revisions,
		RevisionDiff.Comparison comparison, String error, Dates dates) {
}
