package io.qalam.newsroom;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing, reviewing and publishing through the newsroom's pages. */
@QalamTest
class NewsroomEditorTests {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private NewsroomClient reporter;

	private NewsroomClient editor;

	private String reporterName;

	@BeforeEach
	void logIn() {
		this.reporterName = user(Role.REPORTER);
		this.reporter = new NewsroomClient(this.port);
		this.reporter.login(this.reporterName, PASSWORD);
		this.editor = new NewsroomClient(this.port);
		this.editor.login(user(Role.EDITOR), PASSWORD);
	}

	@Test
	void aReportersDraftIsReviewedAndPublishedByAnEditor() {
		String headline = "Newsroom flow " + UUID.randomUUID().toString().substring(0, 8);
		String edit = create(this.reporter, "en", headline, "A lead for readers.");
		Document draft = Jsoup.parse(this.reporter.get(edit + "?done=created").body());
		assertThat(draft.selectFirst(".notice").text()).isEqualTo("Draft created.");
		assertThat(draft.select("button[name=action]")).extracting((b) -> b.attr("value"))
			.containsExactly("save", "submit");

		var submitted = this.reporter.post(edit, form(draft, "submit"));
		assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("?done=submit");

		var editorView = this.editor.get(edit);
		assertThat(editorView.statusCode()).as(editorView.body()).isEqualTo(200);
		Document inReview = Jsoup.parse(editorView.body());
		assertThat(inReview.selectFirst(".status").text()).isEqualTo("In review");
		var published = this.editor.post(edit, form(inReview, "publish"));
		assertThat(published.headers().firstValue("Location").orElseThrow()).endsWith("?done=publish");

		Document live = Jsoup.parse(this.editor.get(edit).body());
		String path = live.selectFirst("a[href^=/en/20]").attr("href");
		Document article = new WebClient(this.port).page(path);
		assertThat(article.selectFirst("h1").text()).isEqualTo(headline);
		assertThat(article.selectFirst(".article-lead").text()).endsWith("A lead for readers.");
		assertThat(article.select(".corrections")).isEmpty();

		// An update with a correction note: readers see the note with its time
		this.editor.post(edit, with(form(live, "save"), "correction", "An earlier version misspelled the name."));
		Document corrected = new WebClient(this.port).page(path);
		assertThat(corrected.selectFirst(".corrections").text()).startsWith("Correction")
			.endsWith("An earlier version misspelled the name.");
		assertThat(corrected.selectFirst(".article-times").text()).contains("Updated");
	}

	@Test
	void publishNowSavesAndPublishesInOneStepAndARefusedPublishChangesNothing() {
		String edit = create(this.editor, "en", "One click " + UUID.randomUUID().toString().substring(0, 8), "A lead.");
		long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
		int version = version(id);
		int revisions = revisions(id);

		// Refused: the edited form lost its lead, which a publication needs
		Document form = Jsoup.parse(this.editor.get(edit).body());
		var refused = this.editor.post(edit,
				with(with(form(form, "publish"), "headline", "Typed before a refusal"), "lead", ""));
		assertThat(refused.statusCode()).isEqualTo(400);
		Document shown = Jsoup.parse(refused.body());
		assertThat(shown.selectFirst(".error").text()).contains("needs a lead");
		assertThat(shown.selectFirst("#headline").attr("value")).isEqualTo("Typed before a refusal");
		assertThat(version(id)).as("nothing saved").isEqualTo(version);
		assertThat(revisions(id)).isEqualTo(revisions);
		assertThat(this.jdbc.sql("SELECT headline FROM articles WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).startsWith("One click");

		// Accepted: the typed text and the publication are one change, one version
		var published = this.editor.post(edit, with(form(form, "publish"), "headline", "Typed and published"));
		assertThat(published.headers().firstValue("Location").orElseThrow()).endsWith("?done=publish");
		assertThat(version(id)).isEqualTo(version + 1);
		assertThat(revisions(id)).isEqualTo(revisions + 1);
		assertThat(this.jdbc.sql("SELECT status || ' ' || headline FROM articles WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("PUBLISHED Typed and published");
	}

	@Test
	void anArticleWrittenOutsideTheNewsroomSaysItHasNoHistoryYet() {
		long demo = this.jdbc
			.sql("SELECT MIN(a.id) FROM articles a WHERE NOT EXISTS "
					+ "(SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)")
			.query(Long.class)
			.single();
		Document history = Jsoup.parse(this.editor.get("/newsroom/articles/" + demo + "/revisions").body());
		assertThat(history.selectFirst(".empty").text()).startsWith("No history yet");
		assertThat(history.select("table.revisions")).isEmpty();
		Document editing = Jsoup.parse(this.editor.get("/newsroom/articles/" + demo).body());
		assertThat(editing.selectFirst("p.meta").text()).doesNotContain("version");
	}

	private int version(long id) {
		return this.jdbc.sql("SELECT version FROM articles WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private int revisions(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM article_revisions WHERE article_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	@Test
	void aStaleSaveIsRefusedShowsTheLatestVersionAndKeepsTheUsersText() {
		String edit = create(this.editor, "ru", "Исходный заголовок", "Лид.");
		NewsroomClient second = new NewsroomClient(this.port);
		second.login(user(Role.EDITOR), PASSWORD);
		Document mine = Jsoup.parse(this.editor.get(edit).body());
		Document theirs = Jsoup.parse(second.get(edit).body());

		this.editor.post(edit, with(form(mine, "save"), "headline", "Заголовок первого редактора"));
		var refused = second.post(edit, with(form(theirs, "save"), "headline", "Заголовок второго редактора"));

		assertThat(refused.statusCode()).isEqualTo(409);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst(".error").text()).contains("while you were editing");
		assertThat(page.selectFirst(".conflict").text()).contains("Заголовок первого редактора");
		assertThat(page.selectFirst("#headline").attr("value")).isEqualTo("Заголовок второго редактора");
		assertThat(Jsoup.parse(this.editor.get(edit).body()).selectFirst("#headline").attr("value"))
			.isEqualTo("Заголовок первого редактора");
	}

	@Test
	void translateIntoCreatesALinkedDraft() {
		String edit = create(this.editor, "en", "A story to translate", "Lead.");
		Document page = Jsoup.parse(this.editor.get(edit).body());
		assertThat(page.select(".translations button")).extracting((b) -> b.text())
			.containsExactly("Translate: Russian", "Translate: Kazakh");
		var created = this.editor.post(edit + "/translate", "edition", "kk");
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("?done=translation");
		Document translation = Jsoup.parse(this.editor.get(location.substring(location.indexOf("/newsroom"))).body());
		assertThat(translation.selectFirst("#headline").attr("value")).isEqualTo("A story to translate");
		assertThat(translation.selectFirst(".translations a").attr("href")).isEqualTo(edit);
		this.editor.get(edit);
		assertThat(this.editor.post(edit + "/translate", "edition", "kk").statusCode()).isEqualTo(400);
	}

	@Test
	void aReporterCannotClaimAColleaguesTranslationSlotAndAnEditorFreesOne() {
		String theirs = create(this.editor, "en", "An editor's unpublished story", "Lead.");
		this.reporter.get("/newsroom");
		var claimed = this.reporter.post(theirs + "/translate", "edition", "kk");
		assertThat(claimed.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(claimed.body()).selectFirst(".error").text())
			.isEqualTo("Reporters can translate only their own articles and published ones.");

		String own = create(this.reporter, "en", "A reporter's own story", "Lead.");
		this.reporter.get(own);
		String location = this.reporter.post(own + "/translate", "edition", "kk")
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String translation = location.substring(location.indexOf("/newsroom"), location.indexOf('?'));
		assertThat(Jsoup.parse(this.reporter.get(translation).body()).select("form.delete-draft")).isEmpty();
		assertThat(this.reporter.post(translation + "/delete", "version", "0").statusCode()).isEqualTo(400);

		Document page = Jsoup.parse(this.editor.get(translation).body());
		String version = page.selectFirst("form.delete-draft input[name=version]").attr("value");
		var deleted = this.editor.post(translation + "/delete", "version", version);
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
		assertThat(this.editor.get(translation).statusCode()).isEqualTo(404);
		// the story's Kazakh slot is free again
		this.reporter.get(own);
		assertThat(this.reporter.post(own + "/translate", "edition", "kk").statusCode()).isEqualTo(302);
	}

	@Test
	void historyComparesRevisionsWordByWordAndRestores() {
		String edit = create(this.editor, "en", "Old headline words", "Lead.");
		Document page = Jsoup.parse(this.editor.get(edit).body());
		this.editor.post(edit, with(form(page, "save"), "headline", "New headline words"));
		Document history = Jsoup.parse(this.editor.get(edit + "/revisions").body());
		assertThat(history.select("table.revisions tbody tr")).hasSize(2);
		assertThat(history.selectFirst(".diff del").text()).isEqualTo("Old");
		assertThat(history.selectFirst(".diff ins").text()).isEqualTo("New");
		assertThat(this.editor.get(edit + "/revisions?a=1&b=99").statusCode()).isEqualTo(400);

		String version = history.selectFirst("form#restore-1 input[name=version]").attr("value");
		var restored = this.editor.post(edit + "/revisions/1/restore", "version", version);
		assertThat(restored.headers().firstValue("Location").orElseThrow()).endsWith("?done=restore");
		assertThat(Jsoup.parse(this.editor.get(edit).body()).selectFirst("#headline").attr("value"))
			.isEqualTo("Old headline words");
		var stale = this.editor.post(edit + "/revisions/1/restore", "version", version);
		assertThat(stale.statusCode()).isEqualTo(409);
	}

	@Test
	void historyTellsWhoSubmittedAndPublishedAndComparesEverySetting() {
		String edit = create(this.reporter, "en", "A story with a history", "Lead.");
		this.reporter.post(edit, form(Jsoup.parse(this.reporter.get(edit).body()), "submit"));
		Document review = Jsoup.parse(this.editor.get(edit).body());
		this.editor.post(edit, EditorFormFields.of(review, "action", "publish", "section", "economy", "tags",
				"markets, tests", "seo", "A description for search"));
		Document history = Jsoup.parse(this.editor.get(edit + "/revisions").body());
		List<String> notes = history.select("table.revisions tbody tr td:nth-child(6)").eachText();
		assertThat(notes).containsExactly("Published", "Submitted for review", "Created");
		assertThat(history.select("table.revisions tbody tr td:nth-child(5)").eachText().get(0)).startsWith("editor");
		// the newest two, compared: the settings that changed, each with before and after
		var settings = history.select("table.settings-diff tbody tr");
		assertThat(settings).extracting((row) -> row.selectFirst("th").text())
			.containsExactly("Section", "Tags", "Search description");
		assertThat(settings.get(0).select("td").eachText()).containsExactly("world", "economy");
		// one number: the editor shows the latest revision's
		assertThat(Jsoup.parse(this.editor.get(edit).body()).selectFirst(".meta").text()).contains("version 3");
	}

	@Test
	void aDraftCanBePreviewedWithItsSignedLinkOnly() {
		String edit = create(this.reporter, "kk", "Алдын ала қаралатын жаңалық", "Лид.");
		Document page = Jsoup.parse(this.reporter.get(edit).body());
		String preview = page.selectFirst("a.preview-link").attr("href");
		assertThat(preview).matches("/kk/preview/\\d+\\?token=\\d+\\.[A-Za-z0-9_-]{43}");

		WebClient anonymous = new WebClient(this.port);
		var shown = anonymous.get(preview);
		assertThat(shown.statusCode()).isEqualTo(200);
		Document article = Jsoup.parse(shown.body());
		assertThat(article.selectFirst("h1").text()).isEqualTo("Алдын ала қаралатын жаңалық");
		assertThat(article.selectFirst(".preview-banner").text()).startsWith("Алдын ала қарау");
		assertThat(article.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(shown.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

		String id = preview.substring("/kk/preview/".length(), preview.indexOf('?'));
		String token = preview.substring(preview.indexOf("token=") + 6);
		assertThat(anonymous.get("/kk/preview/" + id).statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/kk/preview/" + (Long.parseLong(id) + 1) + "?token=" + token).statusCode())
			.isEqualTo(404);
		assertThat(anonymous.get("/ru/preview/" + id + "?token=" + token).statusCode()).isEqualTo(404);
		assertThat(anonymous.get(preview.replace("token=", "token=9")).statusCode()).isEqualTo(404);
		// the draft itself is nowhere on the public site
		assertThat(anonymous.get("/kk/").body()).doesNotContain("Алдын ала қаралатын жаңалық");
		// and its preview never says it was published
		assertThat(article.selectFirst(".article-times").text())
			.isEqualTo("Жарияланбаған: оқырмандар бұл мақаланы көрмейді.");
	}

	@Test
	void aPreviewSaysPublishedOnlyWhenReadersSeeTheArticle() {
		String edit = create(this.editor, "en", "Previewed before and after", "Lead.");
		Document draft = Jsoup.parse(this.editor.get(edit).body());
		String preview = draft.selectFirst(".action-bar a.preview-link").attr("href");
		WebClient anonymous = new WebClient(this.port);
		assertThat(Jsoup.parse(anonymous.get(preview).body()).selectFirst(".article-times").text())
			.isEqualTo("Not published: readers do not see this article.");
		this.editor.post(edit, form(draft, "publish"));
		assertThat(Jsoup.parse(anonymous.get(preview).body()).selectFirst(".article-times").text())
			.startsWith("Published ");
		Document live = Jsoup.parse(this.editor.get(edit).body());
		this.editor.post(edit, form(live, "unpublish"));
		assertThat(Jsoup.parse(anonymous.get(preview).body()).selectFirst(".article-times").text())
			.startsWith("Not published");
	}

	@Test
	void theActionBarLeadsWithWhatComesNext() {
		String edit = create(this.reporter, "en", "Whose move is it", "Lead.");
		Document mine = Jsoup.parse(this.reporter.get(edit).body());
		assertThat(mine.select(".action-bar button.primary")).extracting((b) -> b.attr("value"))
			.containsExactly("submit");
		assertThat(mine.select(".action-bar button.secondary")).extracting((b) -> b.attr("value")).contains("save");
		assertThat(mine.select(".action-bar .preview-link").text()).isEqualTo("Preview");
		assertThat(mine.selectFirst(".action-bar .status").text()).isEqualTo("Draft");
		this.reporter.post(edit, form(mine, "submit"));

		Document review = Jsoup.parse(this.editor.get(edit).body());
		assertThat(review.select(".action-bar button.primary")).extracting((b) -> b.text()).containsExactly("Publish");
		this.editor.post(edit, form(review, "publish"));
		Document live = Jsoup.parse(this.editor.get(edit).body());
		assertThat(live.select(".action-bar button.primary")).extracting((b) -> b.text()).containsExactly("Update");
		// the settings sit beside the text, one version number is shown
		assertThat(live.select(".editor-side #section, .editor-side #tags, .editor-side #slug, .editor-side #seo"))
			.hasSize(4);
		assertThat(live.select(".editor-main #headline, .editor-main #lead, .editor-main #body")).hasSize(3);
		assertThat(live.selectFirst(".meta").text()).containsOnlyOnce("version");
	}

	@Test
	void markupTheSiteCannotShowIsRefusedByNameAndTheTextKept() {
		this.reporter.get("/newsroom/articles/new");
		long before = this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
		var refused = this.reporter.post("/newsroom/articles", "edition", "en", "headline", "With a pasted frame",
				"section", "world", "body",
				"<p>Kept words.</p><iframe src=\"https://www.youtube.com/embed/x\"></iframe>"
						+ "<script>alert(1)</script>");
		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst(".error li").text())
			.startsWith("Text: The text has markup the site cannot show: <iframe>, <script>.");
		assertThat(page.selectFirst("#body").text()).contains("Kept words.", "<iframe");
		var unknown = this.reporter.post("/newsroom/articles", "edition", "en", "headline", "With a strange embed",
				"section", "world", "body",
				"<figure class=\"embed\"><a href=\"https://example.org/v/1\">v</a></figure>");
		assertThat(Jsoup.parse(unknown.body()).selectFirst(".error li").text())
			.contains("These links cannot be embedded: https://example.org/v/1.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single()).isEqualTo(before);

		// a known link is stored as its provider's placeholder, whatever the editor sent
		String ok = create(this.reporter, "en", "With a video", "Lead.");
		Document form = Jsoup.parse(this.reporter.get(ok).body());
		this.reporter.post(ok, with(form(form, "save"), "body",
				"<p>Watch.</p><figure class=\"embed\"><a href=\"https://youtu.be/dQw4w9WgXcQ\">link</a></figure>"));
		Document saved = Jsoup.parse(Jsoup.parse(this.reporter.get(ok).body()).selectFirst("#body").text());
		assertThat(saved.selectFirst("figure.embed").attr("data-embed-src"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
		assertThat(saved.selectFirst("figure.embed a").text()).isEqualTo("YouTube");
	}

	@Test
	void anArticleWithTwoBylinesNamesBothEverywhere() {
		String headline = "Two bylines " + UUID.randomUUID().toString().substring(0, 8);
		String edit = create(this.editor, "en", headline, "Lead of two.");
		Document form = Jsoup.parse(this.editor.get(edit).body());
		assertThat(form.select("select.author-choice")).hasSizeGreaterThanOrEqualTo(3);
		List<String> fields = new ArrayList<>(
				List.of(EditorFormFields.of(form, "action", "publish", "source", "Kazinform")));
		fields.addAll(List.of("author", "daniyar-ospanov", "author", "aigerim-sadykova"));
		var published = this.editor.post(edit, fields.toArray(String[]::new));
		assertThat(published.statusCode()).isEqualTo(302);
		Document again = Jsoup.parse(this.editor.get(edit).body());
		assertThat(again.select("select.author-choice option[selected]")).extracting((o) -> o.attr("value"))
			.containsExactly("daniyar-ospanov", "aigerim-sadykova");

		WebClient reader = new WebClient(this.port);
		String path = again.selectFirst(".address-preview a").attr("href");
		Document page = Jsoup.parse(reader.get(path).body());
		assertThat(page.selectFirst(".byline").text()).isEqualTo("Authors: Daniyar Ospanov, Aigerim Sadykova");
		assertThat(page.selectFirst(".source-line").text()).isEqualTo("Kazinform");
		String jsonLd = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(jsonLd).contains("\"name\":\"Daniyar Ospanov\"", "\"name\":\"Aigerim Sadykova\"");
		assertThat(jsonLd.indexOf("Daniyar Ospanov")).isLessThan(jsonLd.indexOf("Aigerim Sadykova"));
		assertThat(reader.get("/en/author/aigerim-sadykova").body()).contains(headline);
		assertThat(reader.get("/en/author/daniyar-ospanov").body()).contains(headline);
		String atom = reader.get("/en/atom.xml").body();
		int entry = atom.indexOf(headline);
		assertThat(atom.substring(entry, atom.indexOf("</entry>", entry))).contains("<name>Daniyar Ospanov</name>",
				"<name>Aigerim Sadykova</name>");

		// the same author twice is refused, and nothing changes
		Document live = Jsoup.parse(this.editor.get(edit).body());
		List<String> twice = new ArrayList<>(List.of(EditorFormFields.of(live, "action", "save")));
		twice.addAll(List.of("author", "daniyar-ospanov"));
		var refused = this.editor.post(edit, twice.toArray(String[]::new));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst(".error li").text()).endsWith("Each author is named once.");
	}

	@Test
	void theToolbarFindsImagesAndChecksEmbedLinks() {
		var images = this.reporter.get("/newsroom/editor/images?q=");
		assertThat(images.statusCode()).isEqualTo(200);
		assertThat(images.body()).startsWith("{").contains("\"images\"");
		var embed = this.reporter.get("/newsroom/editor/embed?url=https%3A%2F%2Ft.me%2Fqalam_news%2F12");
		assertThat(embed.body()).contains("\"frame\":\"https://t.me/qalam_news/12?embed=1\"");
		var refused = this.reporter.get("/newsroom/editor/embed?url=https%3A%2F%2Fevil.example%2Fx");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("These links cannot be embedded: https://evil.example/x.");
		this.reporter.get("/newsroom/articles/new");
		var noFile = this.reporter.post("/newsroom/editor/images");
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(noFile.body()).contains("\"error\"");
	}

	@Test
	void theAddressPreviewIsSpelledByTheServer() {
		var answer = this.reporter.get("/newsroom/slug?headline="
				+ java.net.URLEncoder.encode("Открылся новый мост", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(answer.body()).isEqualTo("{\"slug\":\"otkrylsya-novyy-most\"}");
		assertThat(this.reporter.get("/newsroom/slug?headline=" + "a".repeat(301)).statusCode()).isEqualTo(400);
		Document fresh = Jsoup.parse(this.reporter.get("/newsroom/articles/new?edition=kk").body());
		assertThat(fresh.selectFirst("#address-preview").text()).matches("/kk/\\d{4}/\\d{2}/\\d{2}/");
		assertThat(fresh.select("template.edition-choices")).extracting((t) -> t.attr("data-edition"))
			.containsExactly("ru", "kk", "en");
		assertThat(fresh.selectFirst("#headline-count").text()).startsWith("0 of 70");
		// without a choice, a new article is for the edition in the newsroom's language
		assertThat(Jsoup.parse(this.reporter.get("/newsroom/articles/new").body())
			.selectFirst("#edition option[selected]")
			.attr("value")).isEqualTo("en");
	}

	@Test
	void editorsSeeWhoElseHasTheArticleOpen() {
		String edit = create(this.editor, "en", "Contested story", "Lead.");
		NewsroomClient second = new NewsroomClient(this.port);
		String secondName = user(Role.EDITOR);
		second.login(secondName, PASSWORD);
		this.editor.get(edit);
		Document theirs = Jsoup.parse(second.get(edit).body());
		assertThat(theirs.selectFirst(".presence").text()).isEqualTo("Also editing this article: EDITOR tester");

		var heartbeat = this.editor.post(edit + "/presence");
		assertThat(heartbeat.statusCode()).isEqualTo(200);
		assertThat(heartbeat.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(heartbeat.body()).isEqualTo("[\"EDITOR tester\"]");

		// an editor who closed the page a while ago no longer counts
		this.jdbc.sql("UPDATE article_presence SET seen_at = :old WHERE username = :user")
			.param("old", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))
			.param("user", secondName)
			.update();
		assertThat(this.editor.post(edit + "/presence").body()).isEqualTo("[]");
		assertThat(new NewsroomClient(this.port).postWithoutCsrf(edit + "/presence").statusCode()).isEqualTo(403);
	}

	@Test
	void autosaveKeepsUnsavedTextWithoutARevisionUntilTheRealSave() {
		String edit = create(this.editor, "ru", "Черновик с автосохранением", "Лид.");
		this.editor.get(edit);
		var kept = this.editor.post(edit + "/autosave", "headline", "Недописанный заголовок", "lead", "Новый лид",
				"body", "<p>Полтекста</p>");
		assertThat(kept.statusCode()).isEqualTo(204);
		Document history = Jsoup.parse(this.editor.get(edit + "/revisions").body());
		assertThat(history.select("table.list tbody tr")).hasSize(1);

		Document reopened = Jsoup.parse(this.editor.get(edit).body());
		assertThat(reopened.selectFirst(".notice").text()).contains("You have unsaved text from");
		assertThat(reopened.selectFirst("#headline").attr("value")).isEqualTo("Черновик с автосохранением");
		NewsroomClient other = new NewsroomClient(this.port);
		other.login(user(Role.EDITOR), PASSWORD);
		assertThat(Jsoup.parse(other.get(edit).body()).select(".restore-autosave")).isEmpty();

		Document restored = Jsoup.parse(this.editor.get(reopened.selectFirst(".restore-autosave").attr("href")).body());
		assertThat(restored.selectFirst("#headline").attr("value")).isEqualTo("Недописанный заголовок");
		assertThat(restored.selectFirst("#lead").text()).isEqualTo("Новый лид");
		this.editor.post(edit, form(restored, "save"));
		Document saved = Jsoup.parse(this.editor.get(edit).body());
		assertThat(saved.selectFirst("#headline").attr("value")).isEqualTo("Недописанный заголовок");
		assertThat(saved.select(".restore-autosave")).isEmpty();
	}

	@Test
	void theEditorSuggestsTheEditionsTagsInUse() {
		Document russian = Jsoup.parse(this.editor.get("/newsroom/articles/new?edition=ru").body());
		var suggestions = russian.select("#tag-suggestions .tag-suggestion");
		assertThat(suggestions).extracting((b) -> b.attr("data-tag")).contains("Алматы", "сельское хозяйство");
		assertThat(suggestions).allSatisfy((b) -> assertThat(b.attr("type")).isEqualTo("button"));
		Document kazakh = Jsoup.parse(this.editor.get("/newsroom/articles/new?edition=kk").body());
		assertThat(kazakh.select("#tag-suggestions .tag-suggestion")).extracting((b) -> b.attr("data-tag"))
			.contains("Алматы")
			.doesNotContain("сельское хозяйство");
	}

	@Test
	void invalidFormsAreShownAgainWithMessagesAndTheTypedText() {
		this.reporter.get("/newsroom/articles/new");
		var refused = this.reporter.post("/newsroom/articles", "edition", "kk", "headline", " ", "lead", "Жазылған лид",
				"body", "<p>Мәтін</p>", "section", "", "tags", "", "slug", "", "source", "", "seo", "", "author", "");
		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select(".field-error")).extracting((e) -> e.text())
			.contains("A headline is required", "Choose a section");
		assertThat(page.selectFirst("#lead").text()).isEqualTo("Жазылған лид");
	}

	@Test
	void editorsScheduleOnlyInTheFuture() {
		String edit = create(this.editor, "en", "To be scheduled", "Lead.");
		Document page = Jsoup.parse(this.editor.get(edit).body());
		var past = this.editor.post(edit, with(form(page, "schedule"), "scheduledAt", "2020-01-01T10:00"));
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(past.body()).selectFirst(".error p").text())
			.isEqualTo("Choose a publication time in the future.");

		String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Almaty"))
			.plusDays(1)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		Document again = Jsoup.parse(this.editor.get(edit).body());
		var scheduled = this.editor.post(edit, with(form(again, "schedule"), "scheduledAt", tomorrow));
		assertThat(scheduled.headers().firstValue("Location").orElseThrow()).endsWith("?done=schedule");
		assertThat(Jsoup.parse(this.editor.get(edit).body()).selectFirst(".status").text()).isEqualTo("Scheduled");
	}

	@Test
	void theDashboardFiltersSearchesAndRefusesNonsense() {
		String marker = "Dashboard " + UUID.randomUUID().toString().substring(0, 8);
		create(this.reporter, "ru", marker + " один", "Лид.");
		create(this.editor, "ru", marker + " два", "Лид.");
		Document mine = Jsoup.parse(this.reporter
			.get("/newsroom?mine=true&status=DRAFT&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8))
			.body());
		assertThat(mine.select("table.list tbody tr")).hasSize(1);
		assertThat(mine.selectFirst("table.list tbody a").text()).isEqualTo(marker + " один");
		Document all = Jsoup
			.parse(this.reporter.get("/newsroom?q=" + URLEncoder.encode(marker.toUpperCase(), StandardCharsets.UTF_8))
				.body());
		assertThat(all.select("table.list tbody tr")).hasSize(2);
		Document wildcard = Jsoup.parse(this.reporter.get("/newsroom?q=%25%25%25_").body());
		assertThat(wildcard.select("table.list tbody tr")).isEmpty();

		HttpResponse<String> bad = this.reporter.get("/newsroom?status=BOGUS&page=x");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).selectFirst(".error").text()).isNotBlank();
	}

	@Test
	void theDashboardFindsWorkByWordsAuthorDayAndWhatWaitsForMe() {
		String marker = "w" + UUID.randomUUID().toString().substring(0, 8);
		String first = create(this.reporter, "en", "Bridge " + marker, "Traffic moves over the river.");
		create(this.editor, "en", "Market news", "Wheat prices " + marker + " rose.");
		Document page = Jsoup.parse(this.reporter.get(first).body());
		this.reporter.post(first, EditorFormFields.of(page, "action", "submit"));

		// words of the headline or the lead, each of them
		assertThat(rows("/newsroom?q=" + marker)).hasSize(2);
		assertThat(rows("/newsroom?q=" + marker + "+river")).containsExactly("Bridge " + marker);
		assertThat(rows("/newsroom?q=" + marker + "+wheat")).containsExactly("Market news");
		// the byline's author
		List<String> withAuthor = new ArrayList<>(
				List.of(EditorFormFields.of(Jsoup.parse(this.editor.get(first).body()), "action", "save")));
		withAuthor.addAll(List.of("author", "elena-kim"));
		this.editor.post(first, withAuthor.toArray(String[]::new));
		assertThat(rows("/newsroom?author=elena-kim&q=" + marker)).containsExactly("Bridge " + marker);
		// the day of the last change, in Almaty
		String today = LocalDateTime.now(ZoneId.of("Asia/Almaty")).toLocalDate().toString();
		assertThat(rows("/newsroom?from=" + today + "&to=" + today + "&q=" + marker)).hasSize(2);
		assertThat(rows("/newsroom?to=2020-01-01&q=" + marker)).isEmpty();
		// an editor's "waiting for me": others' articles in review
		Document waiting = Jsoup.parse(this.editor.get("/newsroom?waiting=true").body());
		assertThat(waiting.select("table.list tbody a").eachText()).contains("Bridge " + marker)
			.doesNotContain("Market news");
		assertThat(waiting.select("nav.tabs a").eachText()).contains("Waiting for me");
		assertThat(Jsoup.parse(this.reporter.get("/newsroom").body()).select("nav.tabs a").eachText())
			.doesNotContain("Waiting for me");

		assertThat(this.reporter.get("/newsroom?from=yesterday").statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(this.reporter.get("/newsroom?author=nobody").body()).selectFirst(".error").text())
			.isEqualTo("There is no author “nobody”.");
	}

	private List<String> rows(String dashboard) {
		return Jsoup.parse(this.editor.get(dashboard).body()).select("table.list tbody a").eachText();
	}

	private String create(NewsroomClient client, String edition, String headline, String lead) {
		client.get("/newsroom/articles/new");
		var created = client.post("/newsroom/articles", "edition", edition, "headline", headline, "lead", lead, "body",
				"<p>Body text.</p>", "section", "world", "tags", "tests, newsroom", "slug", "", "source", "Qalam",
				"seo", "", "author", "");
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/newsroom/articles/").endsWith("?done=created");
		return location.substring(location.indexOf("/newsroom/articles/"), location.indexOf('?'));
	}

	/** The fields of the editor form as the page shows them, with the button pressed. */
	private static String[] form(Document page, String action) {
		return EditorFormFields.of(page, "action", action);
	}

	private static String[] with(String[] fields, String name, String value) {
		return EditorFormFields.with(fields, name, value);
	}

	private String user(Role role) {
		return TestAccounts.create(this.accounts, role);
	}

}
