package io.qalam.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qalam.content.ArticleEvent.Origin;
import io.qalam.content.ArticleEvent.Placement;
import io.qalam.content.ArticleRows.State;
import io.qalam.edition.Editions;
import io.qalam.accounts.AuditLog;
import io.qalam.platform.Text;
import io.qalam.edition.Slugs;
import io.qalam.accounts.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsroom's write path: drafts, saves and the workflow draft → in review → scheduled
 * → published → unpublished (and back to draft). Every change is checked against the
 * version the user loaded (no lost updates), every save keeps a revision, and every
 * change readers can see publishes an {@link ArticleEvent} in the same transaction.
 * Refused requests throw {@link WorkflowException} and change nothing.
 */
@Component
public class ArticleWorkflow {

	private static final Logger log = LoggerFactory.getLogger(ArticleWorkflow.class);

	private static final Actor SCHEDULER = new Actor("scheduler", Role.EDITOR);

	private final ArticleRows rows;

	private final ArticleStore store;

	private final ArticlePaths paths;

	private final Editions editions;

	private final ArticleChanges changes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditLog audit;

	private final DraftCheck drafts;

	ArticleWorkflow(ArticleRows rows, ArticleStore store, ArticlePaths paths, Editions editions, ArticleChanges changes,
			TransactionTemplate transactions, Clock clock, AuditLog audit, DraftCheck drafts) {
		this.drafts = drafts;
		this.audit = audit;
		this.rows = rows;
		this.store = store;
		this.paths = paths;
		this.editions = editions;
		this.changes = changes;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Starts a new story with its first article, a draft owned by {@code actor}.
	 * @return the new article's id
	 */
	@Transactional
	public long createDraft(Actor actor, String edition, Draft draft) {
		if (this.editions.find(edition).isEmpty()) {
			throw new WorkflowException(Text.of("workflow.noEdition", edition),
					Map.of("edition", Text.of("workflow.field.unknownEdition")));
		}
		DraftCheck.Checked checked = this.drafts.check(edition, null, null, draft);
		long story = this.store.createStory();
		long id = this.store.despiteClashes(() -> this.rows.insertDraft(story, edition,
				(checked.slug() != null) ? checked.slug() : this.store.allocateSlug(edition, checked.headline()),
				checked, actor.username(), now()));
		this.rows.replaceTags(id, edition, checked.tags());
		this.rows.addRevision(id, checked, actor.username(), "Created", now());
		audit(actor, AuditLog.Action.ARTICLE_CREATED, id, edition, checked.headline());
		return id;
	}

	/**
	 * Saves the text and settings of an article the actor loaded at
	 * {@code expectedVersion}.
	 * @return the new version
	 * @throws WorkflowException.StaleVersion when someone saved in between
	 */
	@Transactional
	public int save(Actor actor, long id, int expectedVersion, Draft draft) {
		return act(actor, id, expectedVersion, ArticleAction.SAVE, draft, null);
	}

	/**
	 * One newsroom button, in one transaction: the text typed in the form is saved first
	 * where the action saves text and the actor may edit it, then the action is done. A
	 * refused action changes nothing, and one click makes one version.
	 * @param typed the form's text, or null to keep the text as it is
	 * @param at the time for {@code SCHEDULE} and {@code EMBARGO}, else ignored
	 * @return the new version
	 * @throws WorkflowException when the action is refused (nothing was changed)
	 */
	@Transactional
	public int act(Actor actor, long id, int expectedVersion, ArticleAction action, Draft typed, Instant at) {
		State state = load(id);
		requireVersion(state, expectedVersion);
		boolean own = actor.username().equals(state.owner());
		boolean embargoed = state.embargoUntil() != null;
		action.require(actor, state.owner(), state.status(), embargoed);
		requireTime(action, at);
		if (action == ArticleAction.SAVE) {
			return save(actor, id, expectedVersion, typed, null, true);
		}
		Placement before = placement(state);
		boolean saving = typed != null && action.savesText()
				&& ArticleAction.SAVE.allowed(actor.role(), own, state.status(), embargoed);
		State current = state;
		if (saving) {
			// the action that follows tells of the change: the save alone stays quiet
			save(actor, id, expectedVersion, typed, action.name(), false);
			current = load(id);
		}
		if (action == ArticleAction.PUBLISH || action == ArticleAction.SCHEDULE) {
			requirePublishable(current);
		}
		int version = switch (action) {
			case EMBARGO, LIFT_EMBARGO ->
				setEmbargo(actor, current, (action == ArticleAction.EMBARGO) ? at : null, before, !saving);
			default -> move(actor, current, action, at, before, !saving);
		};
		if (!saving && action != ArticleAction.DELETE) {
			// the history tells who unpublished or sent back, though no text changed
			this.rows.markRevision(id, actor.username(), action.name(), now());
		}
		return version;
	}

	private void requireTime(ArticleAction action, Instant at) {
		Instant now = this.clock.instant();
		if (action == ArticleAction.SCHEDULE && (at == null || !at.isAfter(now))) {
			throw new WorkflowException(Text.of("workflow.scheduleInPast"),
					Map.of("scheduledAt", Text.of("workflow.field.future")));
		}
		if (action == ArticleAction.EMBARGO && (at == null || !at.isAfter(now))) {
			throw new WorkflowException(Text.of("workflow.embargoInPast"),
					Map.of("embargoUntil", Text.of("workflow.field.future")));
		}
	}

	private int save(Actor actor, long id, int expectedVersion, Draft draft, String note, boolean tell) {
		State state = load(id);
		requireVersion(state, expectedVersion);
		ArticleAction.SAVE.require(actor, state.owner(), state.status(), state.embargoUntil() != null);
		DraftCheck.Checked checked = this.drafts.check(state.edition(), state.slug(), state.publishedAt(), draft);
		DraftCheck.checkCorrection(state.status(), DraftCheck.strip(draft.correction()));
		Placement before = placement(state);
		// The public "updated" time: only edits after publication count
		int updated = this.rows.updateText(id, expectedVersion, checked, slugAfterSave(state, draft, checked),
				(state.status() == ArticleStatus.PUBLISHED) ? now() : utc(state.updatedAt()), now(), actor.username());
		requireUpdated(updated, id);
		this.store.replaceBody(id, checked.bodyHtml());
		this.rows.replaceTags(id, state.edition(), checked.tags());
		this.rows.replaceAuthors(id, checked.authorIds());
		this.rows.addRevision(id, checked, actor.username(), note, now());
		String correction = DraftCheck.strip(draft.correction());
		if (!correction.isEmpty()) {
			this.rows.addCorrection(id, correction, actor.username(), now());
		}
		if (state.status() == ArticleStatus.PUBLISHED) {
			if (tell) {
				State after = load(id);
				this.changes.raise(new ArticleEvent.ArticleUpdated(id, state.edition(), state.storyId(),
						after.version(), Origin.NEWSROOM, before, placement(after)));
			}
			audit(actor, AuditLog.Action.ARTICLE_UPDATED, id, state.edition(),
					checked.headline() + (correction.isEmpty() ? "" : " — correction: " + correction));
		}
		if (note != null && note.startsWith("Restored")) {
			audit(actor, AuditLog.Action.ARTICLE_RESTORED, id, state.edition(), note);
		}
		return expectedVersion + 1;
	}

	/**
	 * Starts the translation of an article into another edition: a draft of the same
	 * story, owned by the actor, prefilled with the original's text to translate. Editors
	 * translate any article; reporters their own (a story's slot in an edition is taken
	 * by the first translation, and only an editor can free it again).
	 * @return the new draft's id
	 */
	@Transactional
	public long translate(Actor actor, long sourceId, String targetEdition) {
		State source = load(sourceId);
		if (actor.role() == Role.REPORTER && !actor.username().equals(source.owner())
				&& source.status() != ArticleStatus.PUBLISHED) {
			throw new WorkflowException(Text.of("workflow.reporterTranslates"));
		}
		if (this.editions.find(targetEdition).isEmpty()) {
			throw new WorkflowException(Text.of("workflow.noEdition", targetEdition));
		}
		Optional<Long> existing = this.rows.inEdition(source.storyId(), targetEdition);
		if (existing.isPresent()) {
			throw new WorkflowException(
					Text.of("workflow.translationExists", targetEdition, Long.toString(existing.get())));
		}
		EditableArticle original = find(sourceId).orElseThrow();
		Draft text = original.draft();
		// Tags are words of one language: the translator adds the edition's own
		Draft prefilled = new Draft(text.headline(), text.lead(), text.bodyHtml(), text.sectionSlug(), List.of(), "",
				null, null, text.authorSlugs(), null, text.leadImageId(), text.leadImageCaption(),
				text.leadImageCredit());
		DraftCheck.Checked checked = this.drafts.check(targetEdition, null, null, prefilled);
		long id = this.store.despiteClashes(() -> this.rows.insertDraft(source.storyId(), targetEdition,
				this.store.allocateSlug(targetEdition, checked.headline()), checked, actor.username(), now()));
		this.rows.addRevision(id, checked, actor.username(),
				"Translation of article " + sourceId + " (" + source.edition() + ")", now());
		audit(actor, AuditLog.Action.ARTICLE_TRANSLATED, id, targetEdition,
				"translation of article " + sourceId + " (" + source.edition() + ")");
		return id;
	}

	/** The other editions' versions of the same story, as edition code to article id. */
	@Transactional(readOnly = true)
	public Map<String, Long> translations(long id) {
		return this.rows.translations(id);
	}

	/**
	 * Brings back the text of an old revision. The restore is a new save (and so a new
	 * revision); sections, tags and other settings stay as they are.
	 * @return the new version
	 */
	@Transactional
	public int restore(Actor actor, long id, int expectedVersion, int revisionNumber) {
		Revision old = revisions(id).stream()
			.filter((r) -> r.number() == revisionNumber)
			.findFirst()
			.orElseThrow(() -> new WorkflowException(Text.of("workflow.noRevision", Integer.toString(revisionNumber))));
		Draft current = find(id).orElseThrow().draft();
		Draft restored = new Draft(old.headline(), old.lead(), old.bodyHtml(), current.sectionSlug(), current.tags(),
				current.slug(), current.sourceLine(), current.seoDescription(), current.authorSlugs(), null,
				current.leadImageId(), current.leadImageCaption(), current.leadImageCredit());
		return save(actor, id, expectedVersion, restored, "Restored revision " + revisionNumber, true);
	}

	/**
	 * Keeps the article from readers until {@code until} (null lifts the embargo). Works
	 * in any state: an embargoed article can be published ahead, and stays hidden until
	 * its time.
	 * @return the new version
	 */
	@Transactional
	public int embargo(Actor actor, long id, int expectedVersion, Instant until) {
		return act(actor, id, expectedVersion, (until != null) ? ArticleAction.EMBARGO : ArticleAction.LIFT_EMBARGO,
				null, until);
	}

	private int setEmbargo(Actor actor, State state, Instant until, Placement before, boolean newVersion) {
		int updated = this.rows.updateEmbargo(state.id(), state.version(), newVersion, until, now(), actor.username());
		requireUpdated(updated, state.id());
		State after = load(state.id());
		if (state.status() == ArticleStatus.PUBLISHED) {
			this.changes.raise(new ArticleEvent.ArticleUpdated(state.id(), state.edition(), state.storyId(),
					after.version(), Origin.NEWSROOM, before, placement(after)));
		}
		audit(actor, (until != null) ? AuditLog.Action.ARTICLE_EMBARGOED : AuditLog.Action.ARTICLE_EMBARGO_LIFTED,
				state.id(), state.edition(), state.headline() + ((until != null) ? " — until " + until : ""));
		return after.version();
	}

	/** A reporter (or an editor) hands a draft to the editors. */
	@Transactional
	public int submitForReview(Actor actor, long id, int expectedVersion) {
		return act(actor, id, expectedVersion, ArticleAction.SUBMIT, null, null);
	}

	/**
	 * Sets the article to go live by itself at {@code at}, which must be in the future.
	 */
	@Transactional
	public int schedule(Actor actor, long id, int expectedVersion, Instant at) {
		return act(actor, id, expectedVersion, ArticleAction.SCHEDULE, null, at);
	}

	/** Makes the article public now. */
	@Transactional
	public int publish(Actor actor, long id, int expectedVersion) {
		return act(actor, id, expectedVersion, ArticleAction.PUBLISH, null, null);
	}

	/** Takes a public article off the site; its address stays reserved. */
	@Transactional
	public int unpublish(Actor actor, long id, int expectedVersion) {
		return act(actor, id, expectedVersion, ArticleAction.UNPUBLISH, null, null);
	}

	/**
	 * Deletes a draft that was never published, with its revisions: a false start, or a
	 * translation nobody will finish. Editors only; what readers once saw is unpublished,
	 * never deleted.
	 */
	@Transactional
	public void deleteDraft(Actor actor, long id, int expectedVersion) {
		State state = load(id);
		requireVersion(state, expectedVersion);
		if (state.publishedAt() != null) {
			throw new WorkflowException(Text.of("workflow.deleteOnlyDrafts"));
		}
		ArticleAction.DELETE.require(actor, state.owner(), state.status(), state.embargoUntil() != null);
		requireUpdated(this.rows.delete(id, expectedVersion), id);
		audit(actor, ArticleAction.DELETE.audited(), id, state.edition(), state.headline());
	}

	/**
	 * Sends an article back to draft: an editor from review, schedule or unpublished; a
	 * reporter withdraws their own article from review.
	 */
	@Transactional
	public int backToDraft(Actor actor, long id, int expectedVersion) {
		return act(actor, id, expectedVersion, ArticleAction.BACK_TO_DRAFT, null, null);
	}

	/**
	 * Publishes every scheduled article whose time has come — also those whose time came
	 * while the application was down. Each one in its own transaction, so one failure
	 * does not hold back the rest; an article another node published meanwhile is
	 * skipped, so each goes live exactly once.
	 * @return how many articles went live
	 */
	public int publishDue() {
		List<long[]> due = this.rows.scheduledDue(now());
		int published = 0;
		for (long[] article : due) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					if (load(article[0]).status() == ArticleStatus.SCHEDULED) {
						act(SCHEDULER, article[0], (int) article[1], ArticleAction.PUBLISH, null, null);
					}
				});
				published++;
			}
			catch (WorkflowException ex) {
				// CASE: another node, or an editor, got there first
				log.info("Scheduled article {} was not published by the scheduler: {}", article[0], ex.getMessage());
			}
		}
		return published;
	}

	/**
	 * Tells of the published articles whose embargo has ended: for readers each is a
	 * publication they see for the first time, raised with origin {@code EMBARGO}. The
	 * embargo is cleared in the same transaction, so each is told of once, also across
	 * nodes and after a restart.
	 * @return how many were told of
	 */
	public int announceEndedEmbargoes() {
		List<long[]> due = this.rows.embargoEnded(now());
		int told = 0;
		for (long[] article : due) {
			Boolean done = this.transactions.execute((status) -> {
				int updated = this.rows.clearEndedEmbargo(article[0], article[1], now());
				if (updated == 0) {
					// CASE: another node, or an editor, got there first
					return false;
				}
				State after = load(article[0]);
				this.changes.raise(new ArticleEvent.ArticlePublished(after.id(), after.edition(), after.storyId(),
						after.version(), Origin.EMBARGO, null, placement(after)));
				audit(SCHEDULER, AuditLog.Action.ARTICLE_EMBARGO_LIFTED, after.id(), after.edition(),
						after.headline() + " — the embargo ended");
				return true;
			});
			told += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return told;
	}

	/** The article as the editor form shows it, in any state. */
	@Transactional(readOnly = true)
	public Optional<EditableArticle> find(long id) {
		return this.rows.find(id);
	}

	/** All revisions of an article, newest first. */
	@Transactional(readOnly = true)
	public List<Revision> revisions(long id) {
		return this.rows.revisions(id);
	}

	/**
	 * The number of the article's latest revision: the one version number editors see.
	 */
	@Transactional(readOnly = true)
	public int latestRevision(long id) {
		return this.rows.latestRevision(id);
	}

	private static Origin origin(Actor actor) {
		return (actor == SCHEDULER) ? Origin.SCHEDULE : Origin.NEWSROOM;
	}

	// The table has allowed the action; {@code before} is where readers saw the article
	// before the click
	private int move(Actor actor, State state, ArticleAction action, Instant at, Placement before, boolean newVersion) {
		ArticleStatus target = action.target();
		Instant scheduledAt = (action == ArticleAction.SCHEDULE) ? at : null;
		OffsetDateTime now = now();
		boolean firstPublication = target == ArticleStatus.PUBLISHED && state.publishedAt() == null;
		// The first publication fixes the date in the address for good
		int updated = this.rows.updateStatus(state.id(), state.version(), newVersion, target,
				(target == ArticleStatus.SCHEDULED) ? scheduledAt : null,
				firstPublication ? now : utc(state.publishedAt()),
				(target == ArticleStatus.PUBLISHED && !firstPublication) ? now : utc(state.updatedAt()), now,
				actor.username());
		requireUpdated(updated, state.id());
		State after = load(state.id());
		if (target == ArticleStatus.PUBLISHED) {
			this.changes.raise(new ArticleEvent.ArticlePublished(state.id(), state.edition(), state.storyId(),
					after.version(), origin(actor), before, placement(after)));
		}
		else if (state.status() == ArticleStatus.PUBLISHED) {
			this.changes.raise(new ArticleEvent.ArticleUnpublished(state.id(), state.edition(), state.storyId(),
					after.version(), origin(actor), before, null));
		}
		audit(actor, action.audited(), state.id(), state.edition(),
				state.headline() + ((scheduledAt != null) ? " — at " + scheduledAt : ""));
		return after.version();
	}

	private void audit(Actor actor, AuditLog.Action action, long id, String edition, String what) {
		this.audit.record(actor.username(), action, "article " + id + " (" + edition + "): " + what, actor.address());
	}

	private static void requirePublishable(State state) {
		Map<String, Text> missing = new LinkedHashMap<>();
		if (state.lead().isBlank()) {
			missing.put("lead", Text.of("workflow.field.leadNeeded"));
		}
		if (!missing.isEmpty()) {
			throw new WorkflowException(Text.of("workflow.needsLead"), missing);
		}
	}

	private void requireVersion(State state, int expectedVersion) {
		if (state.version() != expectedVersion) {
			throw stale(state.id());
		}
	}

	// An update guarded by "AND version = :version" that changed no row lost the race
	private void requireUpdated(int updatedRows, long id) {
		if (updatedRows == 0) {
			throw stale(id);
		}
	}

	private WorkflowException.StaleVersion stale(long id) {
		return new WorkflowException.StaleVersion(revisions(id).get(0));
	}

	private State load(long id) {
		return this.rows.load(id)
			.orElseThrow(() -> new WorkflowException(Text.of("workflow.noArticle", Long.toString(id))));
	}

	// Where a public article appears; null when it is not public
	// Where readers see the article: nowhere while it is not published, or while its
	// embargo (or its publication time) is still ahead
	private Placement placement(State state) {
		if (state.status() != ArticleStatus.PUBLISHED || state.publishedAt() == null
				|| PublishedArticles.visibleFrom(state.publishedAt(), state.embargoUntil())
					.isAfter(this.clock.instant())) {
			return null;
		}
		List<Long> tagIds = this.rows.tagIds(state.id());
		return new Placement(this.paths.path(state.edition(), state.publishedAt(), state.slug()), state.sectionId(),
				state.authorIds(), tagIds);
	}

	/**
	 * Until the first publication the address follows the headline, unless someone chose
	 * one: a slug left empty, or still the one derived from the old headline, is derived
	 * anew.
	 */
	private String slugAfterSave(State state, Draft draft, DraftCheck.Checked checked) {
		if (checked.slug() != null) {
			return checked.slug();
		}
		boolean derived = DraftCheck.strip(draft.slug()).isEmpty()
				|| state.slug().equals(Slugs.slugify(state.headline()))
				|| state.slug().startsWith(Slugs.slugify(state.headline()) + "-");
		String wanted = Slugs.slugify(checked.headline());
		if (state.publishedAt() == null && derived && !checked.headline().equals(state.headline())
				&& !wanted.equals(state.slug())) {
			return this.store.allocateSlug(state.edition(), checked.headline());
		}
		return state.slug();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
