package io.qalam.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.qalam.edition.Editions;
import io.qalam.accounts.Role;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.qalam.platform.web.Messages;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The newsroom workflow, run against each database we support (see the subclasses).
 */
@RecordApplicationEvents
abstract class ArticleWorkflowContract {

	private static final Actor REPORTER = new Actor("reporter-a", Role.REPORTER);

	private static final Actor OTHER_REPORTER = new Actor("reporter-b", Role.REPORTER);

	private static final Actor EDITOR = new Actor("editor-a", Role.EDITOR);

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	PublishedArticles published;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MessageSource messageSource;

	@Test
	void aReporterWritesAndSubmitsAndAnEditorPublishes() {
		long id = this.workflow.createDraft(REPORTER, "ru", draft("Открылся новый мост", "Лид."));
		var created = this.workflow.find(id).orElseThrow();
		assertThat(created.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(created.draft().slug()).isEqualTo("otkrylsya-novyy-most");
		assertThat(created.owner()).isEqualTo("reporter-a");
		assertThat(this.published.article("ru", created.draft().slug())).isEmpty();

		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.publish(REPORTER, id, created.version()))
			.satisfies(saying("“Publish” is for editors only."));
		int submitted = this.workflow.submitForReview(REPORTER, id, created.version());
		int live = this.workflow.publish(EDITOR, id, submitted);

		var page = this.published.article("ru", created.draft().slug()).orElseThrow();
		assertThat(page.headline()).isEqualTo("Открылся новый мост");
		assertThat(page.updatedAt()).isNull();
		var event = this.events.stream(ArticleEvent.ArticlePublished.class)
			.filter((e) -> e.articleId() == id)
			.findFirst()
			.orElseThrow();
		assertThat(event.before()).isNull();
		assertThat(event.after().path()).isEqualTo(page.path());
		assertThat(this.workflow.find(id).orElseThrow().version()).isEqualTo(live);
	}

	@Test
	void illegalTransitionsAreRefusedAndChangeNothing() {
		long id = this.workflow.createDraft(EDITOR, "en", draft("A draft", "Lead."));
		int version = this.workflow.find(id).orElseThrow().version();
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.unpublish(EDITOR, id, version))
			.satisfies(saying("“Unpublish” is not possible for an article with the status “Draft”."));
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.backToDraft(EDITOR, id, version))
			.satisfies(saying("“Back to draft” is not possible for an article with the status “Draft”."));
		int live = this.workflow.publish(EDITOR, id, version);
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.submitForReview(EDITOR, id, live))
			.satisfies(saying("“Submit for review” is not possible for an article with the status “Published”."));
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.schedule(EDITOR, id, live, Instant.now().plusSeconds(600)))
			.satisfies(saying("“Schedule” is not possible for an article with the status “Published”."));
		assertThat(this.workflow.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(this.workflow.find(id).orElseThrow().version()).isEqualTo(live);
	}

	@Test
	void reportersTouchOnlyTheirOwnDrafts() {
		long id = this.workflow.createDraft(REPORTER, "kk", draft("Менің жаңалығым", "Лид."));
		int version = this.workflow.find(id).orElseThrow().version();
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.save(OTHER_REPORTER, id, version, draft("Бөтен", "Лид.")))
			.satisfies(saying("Reporters can edit only their own drafts."));
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.submitForReview(OTHER_REPORTER, id, version))
			.satisfies(saying("Reporters can submit only their own drafts."));
		int saved = this.workflow.save(REPORTER, id, version, draft("Менің жаңалығым, түзетілген", "Лид."));
		int inReview = this.workflow.submitForReview(REPORTER, id, saved);
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.save(REPORTER, id, inReview, draft("Тағы", "Лид.")))
			.satisfies(saying("Reporters can edit only their own drafts."));
		int withdrawn = this.workflow.backToDraft(REPORTER, id, inReview);
		assertThat(this.workflow.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(this.workflow.find(id).orElseThrow().version()).isEqualTo(withdrawn);
	}

	@Test
	void aSaveBasedOnAStaleVersionIsRefusedAndLosesNothing() {
		long id = this.workflow.createDraft(EDITOR, "en", draft("Original headline", "Original lead."));
		int loaded = this.workflow.find(id).orElseThrow().version();
		this.workflow.save(EDITOR, id, loaded, draft("Alice's headline", "Alice's lead."));
		var refused = assertThrows(WorkflowException.StaleVersion.class, () -> this.workflow
			.save(new Actor("bob", Role.EDITOR), id, loaded, draft("Bob's headline", "Bob's lead.")));
		assertThat(english(refused)).contains("saved by editor-a while you were editing");
		assertThat(refused.latest().headline()).isEqualTo("Alice's headline");
		assertThat(this.workflow.find(id).orElseThrow().draft().headline()).isEqualTo("Alice's headline");
		assertThat(this.workflow.revisions(id)).extracting(Revision::headline)
			.containsExactly("Alice's headline", "Original headline");
	}

	@Test
	void scheduledArticlesGoLiveOnceAlsoAfterDowntime() {
		// whole seconds: databases keep microseconds at most
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long id = this.workflow.createDraft(EDITOR, "en", draft("Scheduled story", "Lead."));
		int version = this.workflow.find(id).orElseThrow().version();
		this.workflow.schedule(EDITOR, id, version, now.plus(Duration.ofMinutes(10)));
		assertThat(at(now).publishDue()).isZero();
		assertThat(this.workflow.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);

		// The application was down from before the scheduled time until two hours after
		// it
		Instant restart = now.plus(Duration.ofHours(2));
		assertThat(at(restart).publishDue()).isGreaterThanOrEqualTo(1);
		var article = this.workflow.find(id).orElseThrow();
		assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(article.publishedAt()).isEqualTo(restart);
		assertThat(at(restart.plusSeconds(30)).publishDue()).isZero();
		assertThat(this.events.stream(ArticleEvent.ArticlePublished.class).filter((e) -> e.articleId() == id))
			.hasSize(1);
	}

	@Test
	void theSchedulerJobPublishesWhatIsDueUnderItsLock() {
		long id = this.workflow.createDraft(EDITOR, "ru", draft("По расписанию", "Лид."));
		int version = this.workflow.find(id).orElseThrow().version();
		this.workflow.schedule(EDITOR, id, version, Instant.now().plusSeconds(1));
		this.jdbc.sql("UPDATE articles SET scheduled_at = :past WHERE id = :id")
			.param("past", Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		this.context.getBean(ScheduledPublishing.class).publishDue();
		assertThat(this.workflow.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'publish-due-articles'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void editsAndUnpublishingOfPublicArticlesAreAnnounced() {
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft("Before the edit", "Lead.", "<p>Text</p>", "world", List.of("rivers"), "", null, null, null));
		int live = this.workflow.publish(EDITOR, id, this.workflow.find(id).orElseThrow().version());
		String slug = this.workflow.find(id).orElseThrow().draft().slug();
		int edited = this.workflow.save(EDITOR, id, live, new Draft("After the edit", "Lead.", "<p>Text</p>", "economy",
				List.of("rivers", "water"), "", null, null, null));
		var page = this.published.article("en", slug).orElseThrow();
		assertThat(page.headline()).isEqualTo("After the edit");
		assertThat(page.updatedAt()).isNotNull();
		var updated = this.events.stream(ArticleEvent.ArticleUpdated.class)
			.filter((e) -> e.articleId() == id)
			.findFirst()
			.orElseThrow();
		assertThat(updated.before().sectionId()).isNotEqualTo(updated.after().sectionId());
		assertThat(updated.after().tagIds()).hasSize(2);

		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.save(EDITOR, id, edited,
					new Draft("After the edit", "Lead.", "", "economy", List.of(), "a-new-address", null, null, null)))
			.satisfies((refusal) -> assertThat(english(refusal.fields().get("slug")))
				.contains("The address of a published article never changes"));

		this.workflow.unpublish(EDITOR, id, edited);
		assertThat(this.published.article("en", slug)).isEmpty();
		var gone = this.events.stream(ArticleEvent.ArticleUnpublished.class)
			.filter((e) -> e.articleId() == id)
			.findFirst()
			.orElseThrow();
		assertThat(gone.before().path()).isEqualTo(page.path());
		assertThat(gone.after()).isNull();
	}

	@Test
	void readAlsoShowsAnEditAndDropsAnUnpublishedArticleAtOnce() {
		String tag = "lakes" + System.nanoTime();
		long subject = publish(
				new Draft("Lake levels fall", "Lead.", "<p>Text</p>", "world", List.of(tag), "", null, null, null));
		long other = publish(
				new Draft("Lake fish return", "Lead.", "<p>Text</p>", "world", List.of(tag), "", null, null, null));
		String slug = this.workflow.find(subject).orElseThrow().draft().slug();
		assertThat(this.published.article("en", slug).orElseThrow().readAlso()).first()
			.satisfies((s) -> assertThat(s.id()).isEqualTo(other))
			.satisfies((s) -> assertThat(s.headline()).isEqualTo("Lake fish return"));

		int edited = this.workflow.save(EDITOR, other, this.workflow.find(other).orElseThrow().version(), new Draft(
				"Lake fish return in spring", "Lead.", "<p>Text</p>", "world", List.of(tag), "", null, null, null));
		assertThat(this.published.article("en", slug).orElseThrow().readAlso()).first()
			.extracting(ArticleSummary::headline)
			.isEqualTo("Lake fish return in spring");

		this.workflow.unpublish(EDITOR, other, edited);
		assertThat(this.published.article("en", slug).orElseThrow().readAlso()).extracting(ArticleSummary::id)
			.doesNotContain(other);
		// the database is shared with the site's tests, which expect the demo's newest
		// story first
		this.workflow.unpublish(EDITOR, subject, this.workflow.find(subject).orElseThrow().version());
	}

	private long publish(Draft draft) {
		long id = this.workflow.createDraft(EDITOR, "en", draft);
		this.workflow.publish(EDITOR, id, this.workflow.find(id).orElseThrow().version());
		return id;
	}

	@Test
	void translationsAreLinkedDraftsOfTheSameStory() {
		long russian = this.workflow.createDraft(EDITOR, "ru", new Draft("Степной фестиваль", "Лид.", "<p>Текст.</p>",
				"culture", List.of("фестиваль"), "", null, null, "elena-kim"));
		// A reporter translates what readers already see (or their own articles)
		this.workflow.publish(EDITOR, russian, this.workflow.find(russian).orElseThrow().version());
		long kazakh = this.workflow.translate(REPORTER, russian, "kk");
		var draft = this.workflow.find(kazakh).orElseThrow();
		assertThat(draft.storyId()).isEqualTo(this.workflow.find(russian).orElseThrow().storyId());
		assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(draft.owner()).isEqualTo("reporter-a");
		assertThat(draft.draft().headline()).isEqualTo("Степной фестиваль");
		assertThat(draft.draft().sectionSlug()).isEqualTo("culture");
		assertThat(draft.draft().authorSlugs()).containsExactly("elena-kim");
		assertThat(draft.draft().tags()).isEmpty();
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.translate(EDITOR, russian, "kk"))
			.satisfies(sayingPart("This story already has a version in “kk”"));
		assertThat(this.workflow.translations(russian)).containsOnlyKeys("kk");

		// The translator's headline gives the address, as long as nobody chose one
		int translated = this.workflow.save(REPORTER, kazakh, draft.version(), new Draft("Дала фестивалі", "Лид.",
				"<p>Мәтін.</p>", "culture", List.of("фестиваль"), draft.draft().slug(), null, null, "elena-kim"));
		assertThat(this.workflow.find(kazakh).orElseThrow().draft().slug()).startsWith("dala-festivali");

		this.workflow.publish(EDITOR, kazakh, translated);
		var page = this.published.article("kk", this.workflow.find(kazakh).orElseThrow().draft().slug()).orElseThrow();
		assertThat(page.translations()).extracting(ArticlePage.Translation::edition).containsExactly("ru");
	}

	@Test
	void correctionsOfPublishedArticlesAreShownWithTheirTime() {
		long id = this.workflow.createDraft(EDITOR, "ru", draft("Ошибка в цифрах", "Лид."));
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.save(EDITOR, id, this.workflow.find(id).orElseThrow().version(),
					new Draft("Ошибка в цифрах", "Лид.", "<p>Текст.</p>", "kazakhstan", List.of(), "", null, null, null,
							"Не то место")))
			.satisfies(saying("A correction note is for updates of published articles."));
		assertThat(this.workflow.revisions(id)).hasSize(1);
		int live = this.workflow.publish(EDITOR, id, this.workflow.find(id).orElseThrow().version());
		this.workflow.save(EDITOR, id, live, new Draft("Ошибка в цифрах", "Лид.", "<p>Исправленный текст.</p>",
				"kazakhstan", List.of(), "", null, null, null, "  Исправлена численность населения.  "));
		var page = this.published.article("ru", this.workflow.find(id).orElseThrow().draft().slug()).orElseThrow();
		assertThat(page.corrections()).extracting(ArticlePage.Correction::note)
			.containsExactly("Исправлена численность населения.");
		assertThat(page.corrections().get(0).at()).isNotNull();
	}

	@Test
	void nothingUnderEmbargoIsVisibleUntilItEnds() {
		long id = this.workflow.createDraft(EDITOR, "en", draft("Embargoed report", "Lead."));
		Instant ends = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.embargo(REPORTER, id, 0, ends))
			.satisfies(saying("“Set embargo” is for editors only."));
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.embargo(EDITOR, id, 0, Instant.now().minusSeconds(5)))
			.satisfies(saying("An embargo must end in the future."));
		int embargoed = this.workflow.embargo(EDITOR, id, 0, ends);
		int live = this.workflow.publish(EDITOR, id, embargoed);
		String slug = this.workflow.find(id).orElseThrow().draft().slug();
		assertThat(this.workflow.find(id).orElseThrow().embargoUntil()).isEqualTo(ends);
		assertThat(this.published.article("en", slug)).isEmpty();
		assertThat(this.published.home("en").latest()).extracting(ArticleSummary::id).doesNotContain(id);
		assertThat(readerAt(ends.plusSeconds(1)).article("en", slug)).isPresent();

		this.workflow.embargo(EDITOR, id, live, null);
		assertThat(this.published.article("en", slug)).isPresent();
	}

	@Test
	void restoringAnOldRevisionIsANewSave() {
		long id = this.workflow.createDraft(EDITOR, "en", draft("First words", "First lead."));
		int v1 = this.workflow.find(id).orElseThrow().version();
		int v2 = this.workflow.save(EDITOR, id, v1, draft("Second words", "Second lead."));
		int v3 = this.workflow.restore(EDITOR, id, v2, 1);
		var article = this.workflow.find(id).orElseThrow();
		assertThat(article.version()).isEqualTo(v3);
		assertThat(article.draft().headline()).isEqualTo("First words");
		assertThat(this.workflow.revisions(id)).extracting(Revision::number, Revision::note)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "Restored revision 1"),
					org.assertj.core.groups.Tuple.tuple(2, null), org.assertj.core.groups.Tuple.tuple(1, "Created"));
		assertThatExceptionOfType(WorkflowException.class).isThrownBy(() -> this.workflow.restore(EDITOR, id, v3, 9))
			.satisfies(saying("There is no revision 9."));
	}

	@Test
	void theHistoryTellsWhoPublishedAndUnpublishedThoughNoTextChanged() {
		long id = this.workflow.createDraft(EDITOR, "en", draft("Quiet words", "A lead."));
		int live = this.workflow.publish(EDITOR, id, this.workflow.find(id).orElseThrow().version());
		int off = this.workflow.unpublish(EDITOR, id, live);
		this.workflow.backToDraft(EDITOR, id, off);
		var revisions = this.workflow.revisions(id);
		assertThat(revisions).extracting(Revision::number, Revision::note)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "BACK_TO_DRAFT"),
					org.assertj.core.groups.Tuple.tuple(3, "UNPUBLISH"),
					org.assertj.core.groups.Tuple.tuple(2, "PUBLISH"),
					org.assertj.core.groups.Tuple.tuple(1, "Created"));
		assertThat(revisions.get(1).savedBy()).isEqualTo(EDITOR.username());
		// the same text and settings, so the comparison shows no change
		assertThat(revisions.get(1).headline()).isEqualTo("Quiet words");
		assertThat(revisions.get(1).settings()).isEqualTo(revisions.get(2).settings());
	}

	@Test
	void invalidInputIsRefusedWithFieldMessagesAndStoresNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
		var refused = assertThrows(WorkflowException.class, () -> this.workflow.createDraft(EDITOR, "en",
				new Draft(" ", "Lead", "<p>x</p>", "nowhere", List.of("ok", "!!!"), "Bad Slug", null, null, "nobody")));
		assertThat(refused.fields()).containsOnlyKeys("headline", "sectionSlug", "tags", "slug", "authorSlug");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single()).isEqualTo(before);
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.createDraft(EDITOR, "xx", draft("Headline", "Lead")))
			.satisfies(saying("There is no edition “xx”."));
	}

	/** The refusal as the English newsroom shows it. */
	private String english(Refusal refusal) {
		return english(refusal.text());
	}

	private String english(Text text) {
		return new Messages(this.messageSource, Locale.ENGLISH).get(text);
	}

	private ThrowingConsumer<WorkflowException> saying(String english) {
		return (refusal) -> assertThat(english(refusal)).isEqualTo(english);
	}

	private ThrowingConsumer<WorkflowException> sayingPart(String english) {
		return (refusal) -> assertThat(english(refusal)).contains(english);
	}

	private ArticleWorkflow at(Instant instant) {
		return new ArticleWorkflow(this.context.getBean(ArticleRows.class), this.context.getBean(ArticleStore.class),
				this.context.getBean(ArticlePaths.class), this.context.getBean(Editions.class),
				this.context.getBean(ArticleChanges.class), this.context.getBean(TransactionTemplate.class),
				Clock.fixed(instant, ZoneOffset.UTC), this.context.getBean(io.qalam.accounts.AuditLog.class),
				this.context.getBean(DraftCheck.class));
	}

	private PublishedArticles readerAt(Instant instant) {
		return new PublishedArticles(this.jdbc, this.context.getBean(io.qalam.media.MediaLibrary.class),
				this.context.getBean(ArticlePaths.class), Clock.fixed(instant, ZoneOffset.UTC),
				this.context.getBean(Sections.class), this.context.getBean(RecentArticles.class));
	}

	@Test
	void reportersTranslateOnlyTheirOwnArticlesAndEditorsAnyOne() {
		long theirs = this.workflow.createDraft(REPORTER, "ru", draft("Чужая статья", "Лид."));
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.translate(OTHER_REPORTER, theirs, "kk"))
			.satisfies(saying("Reporters can translate only their own articles and published ones."));
		long own = this.workflow.translate(REPORTER, theirs, "kk");
		assertThat(this.workflow.find(own).orElseThrow().edition()).isEqualTo("kk");
		long byEditor = this.workflow.translate(EDITOR, theirs, "en");
		assertThat(this.workflow.find(byEditor).orElseThrow().edition()).isEqualTo("en");
	}

	@Test
	void anEditorDeletesADraftThatWasNeverPublished() {
		long source = this.workflow.createDraft(REPORTER, "ru", draft("Удаляемая статья", "Лид."));
		long claimed = this.workflow.translate(REPORTER, source, "en");
		int version = this.workflow.find(claimed).orElseThrow().version();
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.deleteDraft(REPORTER, claimed, version))
			.satisfies(saying("“Delete this draft” is for editors only."));
		this.workflow.deleteDraft(EDITOR, claimed, version);
		assertThat(this.workflow.find(claimed)).isEmpty();
		// The story's English slot is free again
		long again = this.workflow.translate(EDITOR, source, "en");
		assertThat(this.workflow.find(again)).isPresent();

		int sourceVersion = this.workflow.find(source).orElseThrow().version();
		int published = this.workflow.publish(EDITOR, source, sourceVersion);
		assertThatExceptionOfType(WorkflowException.class)
			.isThrownBy(() -> this.workflow.deleteDraft(EDITOR, source, published))
			.satisfies(saying("Only a draft that was never published can be deleted; unpublish it instead."));
	}

	@Test
	void controlCharactersAndBidirectionalOverridesAreRemovedFromEveryTextField() {
		long id = this.workflow.createDraft(EDITOR, "en", new Draft("Head\u0000line\u000B", "Le\u0001ad\u202E",
				"<p>Bo\u000Cdy</p>", "kazakhstan", List.of("Ta\u0007g"), "", "Sour\u0002ce", "Se\u0003o", null));
		Draft saved = this.workflow.find(id).orElseThrow().draft();
		assertThat(saved.headline()).isEqualTo("Headline");
		assertThat(saved.lead()).isEqualTo("Lead");
		assertThat(saved.bodyHtml()).isEqualTo("<p>Body</p>");
		assertThat(saved.tags()).containsExactly("Tag");
		assertThat(saved.sourceLine()).isEqualTo("Source");
		assertThat(saved.seoDescription()).isEqualTo("Seo");
	}

	@Test
	void twoPeopleWritingTheSameHeadlineWithTheSameNewTagAtOnceBothSave() throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				String tag = "Новый тег " + java.util.UUID.randomUUID().toString().substring(0, 8);
				var together = new java.util.concurrent.CyclicBarrier(2);
				java.util.concurrent.Callable<Long> create = () -> {
					together.await();
					return this.workflow.createDraft(REPORTER, "ru", new Draft("Тег " + tag, "Лид.", "<p>Текст.</p>",
							"kazakhstan", List.of(tag), "", null, null, null));
				};
				var first = pool.submit(create);
				var second = pool.submit(create);
				long a = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
				long b = second.get(30, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(this.workflow.find(a).orElseThrow().draft().tags()).containsExactly(tag);
				assertThat(this.workflow.find(b).orElseThrow().draft().tags()).containsExactly(tag);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Draft draft(String headline, String lead) {
		return new Draft(headline, lead, "<p>Text.</p>", "kazakhstan", List.of(), "", null, null, null);
	}

}
