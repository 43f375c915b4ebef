package io.qalam.site;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Actor;
import io.qalam.content.ArticleBuilder;
import io.qalam.content.LiveBlogs;
import io.qalam.content.LiveBlogs.EntryDraft;
import io.qalam.content.ArticleEvent;
import io.qalam.content.LiveBlogEvent;
import io.qalam.content.WorkflowException;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live blogs on the public site: entries newest first with a pinned one on top, each with
 * its own link; the page and the new-entries answer kept until an entry changes them;
 * older entries by page; structured data for search engines; entries raise their own
 * event, never an article update. And the newsroom's page that writes them.
 */
@QalamTest
class LiveBlogPageTests {

	static final Actor EDITOR = new Actor("live-editor", Role.EDITOR);

	static final Actor REPORTER = new Actor("live-reporter", Role.REPORTER);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LiveBlogs liveBlogs;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JsonMapper json;

	WebClient web;

	@BeforeEach
	void client() {
		this.web = new WebClient(this.port);
	}

	@Test
	void entriesShowNewestFirstWithThePinnedOneOnTopEachWithItsOwnLink() {
		var article = ArticleBuilder.article(this.context).in("kk").create();
		this.liveBlogs.start(EDITOR, article.id());
		long first = this.liveBlogs.post(REPORTER, article.id(), text("Алматыда жер сілкінді."));
		long second = this.liveBlogs.post(EDITOR, article.id(),
				new EntryDraft("Зардап шеккендер жоқ.", null, "", "", true));
		long third = this.liveBlogs.post(REPORTER, article.id(), text("Метро қалыпты жұмыс істеп тұр."));

		Document page = Jsoup.parse(this.web.get(article.path()).body());
		assertThat(page.select(".live-entries .live-entry").eachAttr("data-entry-id"))
			.containsExactly(String.valueOf(third), String.valueOf(second), String.valueOf(first));
		assertThat(page.selectFirst(".live-pinned .live-entry").attr("data-entry-id"))
			.isEqualTo(String.valueOf(second));
		assertThat(page.selectFirst("#entry-" + first + " .live-entry-meta a").attr("href"))
			.isEqualTo(article.path() + "#entry-" + first);
		assertThat(page.select("[id=entry-" + second + "]")).as("one anchor per entry").hasSize(1);
		assertThat(page.selectFirst(".live-blog").attr("data-live-poll"))
			.isEqualTo("/kk/live/" + article.id() + "/entries");
		assertThat(page.selectFirst(".live-blog").attr("data-live-newest")).isEqualTo(String.valueOf(third));
		assertThat(page.selectFirst(".live-badge").text()).isEqualTo("Тікелей");

		// pinning another moves the pin
		this.liveBlogs.pin(EDITOR, article.id(), first, true);
		page = Jsoup.parse(this.web.get(article.path()).body());
		assertThat(page.select(".live-pinned .live-entry").eachAttr("data-entry-id"))
			.containsExactly(String.valueOf(first));
	}

	@Test
	void aKeptPageAndTheNewEntriesAnswerShowANewEntryOnTheNextRequest() {
		var article = ArticleBuilder.article(this.context).in("ru").create();
		this.liveBlogs.start(EDITOR, article.id());
		long first = this.liveBlogs.post(REPORTER, article.id(), text("Первая запись."));
		String fragment = "/ru/live/" + article.id() + "/entries?after=" + first;
		this.web.get(article.path());
		this.web.get(fragment);
		assertThat(this.web.get(article.path()).headers().firstValue("X-Cache")).hasValue("HIT");
		HttpResponse<String> nothingNew = this.web.get(fragment);
		assertThat(nothingNew.headers().firstValue("X-Cache")).hasValue("HIT");
		assertThat(Jsoup.parse(nothingNew.body()).select(".live-entry")).isEmpty();
		assertThat(nothingNew.headers().firstValue("Cache-Control").orElseThrow()).contains("s-maxage=5");

		long second = this.liveBlogs.post(REPORTER, article.id(), text("Вторая запись."));
		HttpResponse<String> fresh = this.web.get(fragment);
		assertThat(Jsoup.parse(fresh.body()).select(".live-entry").eachAttr("data-entry-id"))
			.containsExactly(String.valueOf(second));
		assertThat(Jsoup.parse(this.web.get(article.path()).body()).select(".live-entries .live-entry")).hasSize(2);

		// a correction shows too, marked as one
		this.liveBlogs.correct(EDITOR, article.id(), first, text("Первая запись, исправленная."));
		Document page = Jsoup.parse(this.web.get(article.path()).body());
		assertThat(page.selectFirst("#entry-" + first + " .live-entry-body").text())
			.isEqualTo("Первая запись, исправленная.");
		assertThat(page.selectFirst("#entry-" + first + " .live-corrected")).isNotNull();
		// an entry is corrected only through its own live blog
		var other = ArticleBuilder.article(this.context).in("ru").create();
		this.liveBlogs.start(EDITOR, other.id());
		assertThatThrownBy(() -> this.liveBlogs.correct(EDITOR, other.id(), first, text("Чужая правка.")))
			.isInstanceOf(WorkflowException.Invalid.class);
		assertThatThrownBy(() -> this.liveBlogs.pin(EDITOR, other.id(), first, true))
			.isInstanceOf(WorkflowException.Invalid.class);
	}

	@Test
	void entriesRaiseTheirOwnEventNotAnArticleUpdate() {
		var article = ArticleBuilder.article(this.context).in("en").create();
		List<Object> seen = new CopyOnWriteArrayList<>();
		ApplicationListener<PayloadApplicationEvent<Object>> listener = ApplicationListener.forPayload(seen::add);
		ApplicationEventMulticaster events = this.context.getBean(ApplicationEventMulticaster.class);
		events.addApplicationListener(listener);
		long entry;
		try {
			this.liveBlogs.start(EDITOR, article.id());
			entry = this.liveBlogs.post(REPORTER, article.id(), text("The first entry."));
			this.liveBlogs.post(REPORTER, article.id(), text("The second entry."));
		}
		finally {
			events.removeApplicationListener(listener);
		}
		// Telegram and webhooks follow article events: none for entries
		assertThat(seen).filteredOn((e) -> e instanceof ArticleEvent a && a.articleId() == article.id()).isEmpty();
		assertThat(seen).filteredOn((e) -> e instanceof LiveBlogEvent l && l.articleId() == article.id())
			.extracting((e) -> ((LiveBlogEvent) e).kind())
			.containsExactly(LiveBlogEvent.Kind.STARTED, LiveBlogEvent.Kind.POSTED, LiveBlogEvent.Kind.POSTED);
		assertThat(seen).contains(new LiveBlogEvent(article.id(), "en", entry, LiveBlogEvent.Kind.POSTED));
	}

	@Test
	void olderEntriesPageAndUnknownPagesAreNotFound() {
		var article = ArticleBuilder.article(this.context).in("en").create();
		this.liveBlogs.start(EDITOR, article.id());
		for (int i = 1; i <= 45; i++) {
			this.liveBlogs.post(REPORTER, article.id(), text("Entry " + i));
		}
		Document first = Jsoup.parse(this.web.get(article.path()).body());
		assertThat(first.select(".live-entries .live-entry")).hasSize(LiveBlogs.PAGE_SIZE);
		assertThat(first.selectFirst(".live-entries .live-entry-body").text()).isEqualTo("Entry 45");
		assertThat(first.selectFirst(".live-blog a[rel=next]").attr("href")).isEqualTo(article.path() + "?page=2");

		Document last = Jsoup.parse(this.web.get(article.path() + "?page=3").body());
		assertThat(last.select(".live-entries .live-entry-body").eachText()).containsExactly("Entry 5", "Entry 4",
				"Entry 3", "Entry 2", "Entry 1");
		assertThat(last.selectFirst("link[rel=canonical]").attr("href")).endsWith(article.path() + "?page=3");
		// an entry's link names its page
		assertThat(last.selectFirst(".live-entry-meta a").attr("href")).startsWith(article.path() + "?page=3#entry-");
		// only the first page asks for new entries
		assertThat(last.selectFirst(".live-blog").hasAttr("data-live-poll")).isFalse();
		for (String wrong : List.of("?page=4", "?page=0", "?page=x", "?page=99999999")) {
			assertThat(this.web.get(article.path() + wrong).statusCode()).as(wrong).isEqualTo(404);
		}
		assertThat(this.web.get("/en/live/" + article.id() + "/entries").statusCode()).isEqualTo(404);
		assertThat(this.web.get("/ru/live/" + article.id() + "/entries?after=0").statusCode()).isEqualTo(404);
	}

	@Test
	void searchEnginesReadALiveBlogPostingWithItsCoverage() {
		var article = ArticleBuilder.article(this.context).in("en").create();
		this.liveBlogs.start(EDITOR, article.id());
		long entry = this.liveBlogs.post(REPORTER, article.id(), text("Polls have closed."));
		JsonNode data = jsonLd(article.path());
		assertThat(data.get("@type").asString()).isEqualTo("LiveBlogPosting");
		assertThat(data.get("coverageStartTime").asString()).isNotBlank();
		assertThat(data.has("coverageEndTime")).isFalse();
		assertThat(data.get("liveBlogUpdate").get(0).get("url").asString())
			.endsWith(article.path() + "#entry-" + entry);
		assertThat(data.get("liveBlogUpdate").get(0).get("articleBody").asString()).isEqualTo("Polls have closed.");

		this.liveBlogs.end(EDITOR, article.id());
		assertThat(jsonLd(article.path()).get("coverageEndTime").asString()).isNotBlank();
		Document ended = Jsoup.parse(this.web.get(article.path()).body());
		assertThat(ended.selectFirst(".live-blog h2").text()).isEqualTo("The live coverage has ended");
		assertThat(ended.selectFirst(".live-blog").hasAttr("data-live-poll")).isFalse();
		// an ordinary article stays a NewsArticle
		var plain = ArticleBuilder.article(this.context).in("en").create();
		assertThat(jsonLd(plain.path()).get("@type").asString()).isEqualTo("NewsArticle");
	}

	@Test
	void badEntriesAreRefusedAndChangeNothing() {
		var article = ArticleBuilder.article(this.context).in("ru").create();
		assertThatThrownBy(() -> this.liveBlogs.post(REPORTER, article.id(), text("Не трансляция.")))
			.isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> this.liveBlogs.start(REPORTER, article.id())).isInstanceOf(WorkflowException.class);
		this.liveBlogs.start(EDITOR, article.id());
		for (EntryDraft bad : List.of(text("   "), text("x".repeat(5001)),
				new EntryDraft("", 999_999_999L, "", "", false),
				new EntryDraft("Видео", null, "", "https://example.com/video", false))) {
			assertThatThrownBy(() -> this.liveBlogs.post(REPORTER, article.id(), bad))
				.isInstanceOf(WorkflowException.Invalid.class);
		}
		assertThatThrownBy(
				() -> this.liveBlogs.post(REPORTER, article.id(), new EntryDraft("Закрепить", null, "", "", true)))
			.as("reporters do not pin")
			.isInstanceOf(WorkflowException.class);
		assertThat(this.liveBlogs.entries(article.id(), 1).total()).isZero();

		// markup typed into the text is text; an embed link becomes the embed
		long id = this.liveBlogs.post(REPORTER, article.id(), new EntryDraft(
				"<script>alert(1)</script>\n\nВторой абзац", null, "", "https://youtu.be/dQw4w9WgXcQ", false));
		Document page = Jsoup.parse(this.web.get(article.path()).body());
		var body = page.selectFirst("#entry-" + id + " .live-entry-body");
		assertThat(body.select("script")).isEmpty();
		assertThat(body.select("p").eachText()).containsExactly("<script>alert(1)</script>", "Второй абзац");
		assertThat(body.selectFirst("figure.embed").attr("data-embed")).isEqualTo("youtube");
	}

	@Test
	void editorsRunALiveBlogFromTheNewsroom() {
		var article = ArticleBuilder.article(this.context).in("en").create();
		NewsroomTestLogin editor = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.EDITOR));
		String base = "/newsroom/articles/" + article.id() + "/live";
		assertThat(Jsoup.parse(editor.get(base)).selectFirst("form[action=" + base + "/start] button").text())
			.isEqualTo("Start live coverage");
		assertThat(editor.post(base + "/start").statusCode()).isEqualTo(302);
		editor.get(base);
		assertThat(editor.post(base + "/entries", "text", "Counting has begun.", "embedLink", "").statusCode())
			.isEqualTo(302);
		Document newsroom = Jsoup.parse(editor.get(base));
		assertThat(newsroom.selectFirst(".live-entry-body").text()).isEqualTo("Counting has begun.");
		// a bad entry is refused with its reason, the text kept
		HttpResponse<String> refused = editor.post(base + "/entries", "text", "", "embedLink", "not a link");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#entry-embed").attr("value")).isEqualTo("not a link");
		assertThat(Jsoup.parse(this.web.get(article.path()).body()).select(".live-entry-body").eachText())
			.containsExactly("Counting has begun.");

		// reporters post, but do not start or end the coverage
		NewsroomTestLogin reporter = NewsroomTestLogin.as(this.port, TestAccounts.create(this.accounts, Role.REPORTER));
		reporter.get(base);
		assertThat(reporter.post(base + "/end").statusCode()).isEqualTo(400);
		reporter.get(base);
		assertThat(reporter.post(base + "/entries", "text", "From the polling station.").statusCode()).isEqualTo(302);
		assertThat(this.liveBlogs.coverage(article.id()).orElseThrow().ended()).isFalse();

		// an editor sends an entry to Telegram, once; reporters are not offered it
		long entry = this.liveBlogs.newest(article.id(), 2).get(1).id();
		String share = base + "/entries/" + entry + "/share";
		assertThat(Jsoup.parse(reporter.get(base)).select("form[action=" + share + "]")).isEmpty();
		assertThat(reporter.post(share).statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(editor.get(base)).select("form[action=" + share + "] button").text())
			.isEqualTo("Post to Telegram");
		HttpResponse<String> shared = editor.post(share);
		assertThat(shared.statusCode()).isEqualTo(302);
		Document after = Jsoup.parse(editor.get(base + "?done=shared"));
		assertThat(after.select("form[action=" + share + "]")).isEmpty();
		assertThat(after.selectFirst("#entry-" + entry + " .hint").text()).contains("sent to Telegram at");
		assertThat(after.selectFirst(".notice").text()).isEqualTo("The entry goes to the Telegram channel.");
		assertThat(editor.post(share).statusCode()).isEqualTo(400);
	}

	@Test
	void theDemoHasALiveBlogInEachEdition() {
		for (String[] demo : new String[][] { { "ru", "Сильный снегопад в Алматы: онлайн", "Синоптики ждут" },
				{ "kk", "Алматыда қалың қар жауып тұр: тікелей", "Синоптиктер кешке" },
				{ "en", "Heavy snowfall in Almaty: live", "Forecasters expect" } }) {
			String slug = this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("SELECT slug FROM articles WHERE edition = :ed AND headline = :h")
				.param("ed", demo[0])
				.param("h", demo[1])
				.query(String.class)
				.single();
			String path = this.context.getBean(io.qalam.content.PublishedArticles.class)
				.article(demo[0], slug)
				.orElseThrow()
				.path();
			Document page = Jsoup.parse(this.web.get(path).body());
			assertThat(page.select(".live-entries .live-entry")).as(demo[0]).hasSize(6);
			assertThat(page.selectFirst(".live-entries .live-entry-body").text()).as(demo[0]).startsWith(demo[2]);
		}
	}

	private JsonNode jsonLd(String path) {
		return this.json
			.readTree(Jsoup.parse(this.web.get(path).body()).selectFirst("script[type=application/ld+json]").data());
	}

	private static EntryDraft text(String text) {
		return new EntryDraft(text, null, "", "", false);
	}

}
