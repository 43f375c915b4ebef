package io.qalam.content;

import java.util.EnumSet;
import java.util.Set;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.Role;
import io.qalam.platform.Text;

import static io.qalam.content.ArticleStatus.DRAFT;
import static io.qalam.content.ArticleStatus.IN_REVIEW;
import static io.qalam.content.ArticleStatus.PUBLISHED;
import static io.qalam.content.ArticleStatus.SCHEDULED;
import static io.qalam.content.ArticleStatus.UNPUBLISHED;

/**
 * What a newsroom button does, and the one table of who may do it from which status:
 * {@link ArticleWorkflow} enforces it, and the editor reads it to show its buttons.
 * Editors and admins act from every status in {@code from}; a reporter only on their own
 * article, and only from {@code reporterFrom}.
 */
public enum ArticleAction {

	/** Saves the text and settings. */
	SAVE(null, EnumSet.allOf(ArticleStatus.class), EnumSet.of(DRAFT), true, null),
	/** Hands a draft to the editors. */
	SUBMIT(IN_REVIEW, EnumSet.of(DRAFT), EnumSet.of(DRAFT), true, AuditLog.Action.ARTICLE_SUBMITTED),
	/** Sends an article back to draft; a reporter withdraws their own from review. */
	BACK_TO_DRAFT(DRAFT, EnumSet.of(IN_REVIEW, SCHEDULED, UNPUBLISHED), EnumSet.of(IN_REVIEW), false,
			AuditLog.Action.ARTICLE_TO_DRAFT),
	/** Sets the article to go live by itself at a time in the future. */
	SCHEDULE(SCHEDULED, EnumSet.of(DRAFT, IN_REVIEW, UNPUBLISHED), null, true, AuditLog.Action.ARTICLE_SCHEDULED),
	/** Makes the article public now. */
	PUBLISH(PUBLISHED, EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, UNPUBLISHED), null, true,
			AuditLog.Action.ARTICLE_PUBLISHED),
	/** Takes a public article off the site; its address stays reserved. */
	UNPUBLISH(UNPUBLISHED, EnumSet.of(PUBLISHED), null, false, AuditLog.Action.ARTICLE_UNPUBLISHED),
	/** Keeps the article from readers until a time; works in any status. */
	EMBARGO(null, EnumSet.allOf(ArticleStatus.class), null, true, AuditLog.Action.ARTICLE_EMBARGOED),
	/** Lifts the embargo. */
	LIFT_EMBARGO(null, EnumSet.allOf(ArticleStatus.class), null, false, AuditLog.Action.ARTICLE_EMBARGO_LIFTED),
	/**
	 * Deletes a draft that was never published (what readers once saw is unpublished,
	 * never deleted).
	 */
	DELETE(null, EnumSet.of(DRAFT, IN_REVIEW), null, false, AuditLog.Action.ARTICLE_DELETED);

	private final ArticleStatus target;

	private final Set<ArticleStatus> from;

	private final Set<ArticleStatus> reporterFrom;

	private final boolean savesText;

	private final AuditLog.Action audited;

	ArticleAction(ArticleStatus target, Set<ArticleStatus> from, Set<ArticleStatus> reporterFrom, boolean savesText,
			AuditLog.Action audited) {
		this.target = target;
		this.from = from;
		this.reporterFrom = reporterFrom;
		this.savesText = savesText;
		this.audited = audited;
	}

	/** The status the action moves to; null for actions that keep it. */
	public ArticleStatus target() {
		return this.target;
	}

	/** Whether the text in the form is saved with the action, in the same transaction. */
	public boolean savesText() {
		return this.savesText;
	}

	/**
	 * Whether {@code role} may do this to an article in {@code status}.
	 * @param own whether the article is the actor's own
	 * @param embargoed whether an embargo is set
	 */
	public boolean allowed(Role role, boolean own, ArticleStatus status, boolean embargoed) {
		return refusal(role, own, status, embargoed) == null;
	}

	/** {@link #allowed} for an article the editor shows. */
	public boolean allowed(Actor actor, EditableArticle article) {
		return allowed(actor.role(), actor.username().equals(article.owner()), article.status(),
				article.embargoUntil() != null);
	}

	/**
	 * @throws WorkflowException when the table does not allow the action
	 */
	void require(Actor actor, String owner, ArticleStatus status, boolean embargoed) {
		Text refusal = refusal(actor.role(), actor.username().equals(owner), status, embargoed);
		if (refusal != null) {
			throw new WorkflowException(refusal);
		}
	}

	AuditLog.Action audited() {
		return this.audited;
	}

	/** The action's name as its button says it. */
	public Text label() {
		return Text.of("action." + name());
	}

	private Text refusal(Role role, boolean own, ArticleStatus status, boolean embargoed) {
		if (role == Role.REPORTER) {
			if (this.reporterFrom == null) {
				return Text.of("workflow.onlyEditors", label());
			}
			if (!own || (this == SAVE && !this.reporterFrom.contains(status))) {
				return switch (this) {
					case SAVE -> Text.of("workflow.reporterEditsOwn");
					case SUBMIT -> Text.of("workflow.reporterSubmitsOwn");
					default -> Text.of("workflow.reporterWithdrawsOwn");
				};
			}
		}
		Set<ArticleStatus> allowed = (role == Role.REPORTER) ? this.reporterFrom : this.from;
		if (!allowed.contains(status)) {
			return Text.of("workflow.notFrom", label(), status.label());
		}
		if (this == LIFT_EMBARGO && !embargoed) {
			return Text.of("workflow.noEmbargo");
		}
		return null;
	}

}
