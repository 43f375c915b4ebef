package io.qalam.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.qalam.QalamTest;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleStatus;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.EditableArticle;
import io.qalam.platform.Refusal;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The wire against feeds served by a stand-in (MockWebServer): each item arrives once,
 * also when the feed renumbers its GUIDs; hostile and broken answers bring nothing and
 * say why; an editor makes a draft of an item, once.
 */
@QalamTest
class WireTests {

	private static int feeds;

	@Autowired
	Wire wire;

	@Autowired
	ArticleWorkflow workflow;

	MockWebServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	static String rss(String... items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Kazinform</title><link>https://agency.example.kz</link>
				%s
				</channel></rss>""".formatted(String.join("\n", items));
	}

	static String item(String guid, String link, String title, String date) {
		return """
				<item><title>%s</title><link>%s</link><guid isPermaLink="false">%s</guid>
				<description><![CDATA[<p>Кратко: <b>%s</b> &amp; подробности.</p>]]></description>
				<pubDate>%s</pubDate></item>""".formatted(title, link, guid, title, date);
	}

	private long subscribe() {
		return this.wire.subscribe("admin-wire", "ru", "Казинформ " + (++feeds),
				this.server.url("/rss-" + feeds + ".xml").toString());
	}

	private void answer(String body) {
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(body));
	}

	private List<Wire.Item> itemsOf(long feed) {
		String name = this.wire.feeds().stream().filter((f) -> f.id() == feed).findFirst().orElseThrow().name();
		return this.wire.inbox(1).items().stream().filter((i) -> i.feed().equals(name)).toList();
	}

	private Wire.Feed feed(long id) {
		return this.wire.feeds().stream().filter((f) -> f.id() == id).findFirst().orElseThrow();
	}

	@Test
	void eachItemArrivesOnceEvenWhenTheFeedRenumbersItsGuids() {
		long feed = subscribe();
		answer(rss(item("a-1", "https://agency.example.kz/news/1", "Курс тенге", "Mon, 07 Dec 2026 09:00:00 +0500"),
				item("a-2", "https://agency.example.kz/news/2", "Погода в Астане", "Mon, 07 Dec 2026 08:00:00 GMT")));
		assertThat(this.wire.poll(feed)).isEqualTo(2);
		answer(rss(item("a-1", "https://agency.example.kz/news/1", "Курс тенге", "Mon, 07 Dec 2026 09:00:00 +0500")));
		assertThat(this.wire.poll(feed)).as("the same GUID again").isZero();
		answer(rss(item("b-1", "https://agency.example.kz/news/1", "Курс тенге", "Mon, 07 Dec 2026 09:00:00 +0500"),
				item("b-3", "https://agency.example.kz/news/3", "Новый закон", "Mon, 07 Dec 2026 10:00:00 +0500")));
		assertThat(this.wire.poll(feed)).as("new GUIDs, one known link").isEqualTo(1);
		List<Wire.Item> items = itemsOf(feed);
		assertThat(items).extracting(Wire.Item::title).containsExactly("Погода в Астане", "Новый закон", "Курс тенге");
		assertThat(items.get(2).summary()).isEqualTo("Кратко: Курс тенге & подробности.");
		assertThat(items.get(2).publishedAt()).hasToString("2026-12-07T04:00:00Z");
		assertThat(feed(feed).problem()).isNull();
		assertThat(feed(feed).items()).isEqualTo(3);
	}

	@Test
	void anAtomFeedAndTimesThatCannotBeAreTaken() {
		long feed = subscribe();
		answer("""
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Министерство</title>
				<entry><title type="html">Приказ &lt;№ 5&gt;</title><id>urn:uuid:1</id>
				<link rel="alternate" href="https://gov.example.kz/orders/5"/><updated>2026-12-07T06:00:00Z</updated>
				<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Текст приказа.</p></div></summary></entry>
				<entry><title>Из будущего</title><id>urn:uuid:2</id><updated>2999-01-01T00:00:00Z</updated></entry>
				<entry><title>Из прошлого</title><id>urn:uuid:3</id><published>1970-01-01T00:00:00Z</published></entry>
				</feed>""");
		assertThat(this.wire.poll(feed)).isEqualTo(3);
		Map<String, Wire.Item> byTitle = new java.util.HashMap<>();
		itemsOf(feed).forEach((item) -> byTitle.put(item.title(), item));
		assertThat(byTitle.get("Приказ <№ 5>").link()).isEqualTo("https://gov.example.kz/orders/5");
		assertThat(byTitle.get("Приказ <№ 5>").summary()).isEqualTo("Текст приказа.");
		assertThat(byTitle.get("Приказ <№ 5>").publishedAt()).hasToString("2026-12-07T06:00:00Z");
		// an absurd time becomes the time the item came in
		assertThat(byTitle.get("Из будущего").publishedAt()).isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"))
			.isBefore(java.time.Instant.now().plusSeconds(60));
		assertThat(byTitle.get("Из прошлого").publishedAt()).isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void hostileAndBrokenAnswersBringNothingAndSayWhy() {
		long feed = subscribe();
		String[][] answers = { { """
				<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<rss><channel><item><title>&x;</title><guid>x</guid></item></channel></rss>""", "DTD" }, { """
				<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
				<rss><channel><item><title>&lol2;</title><guid>y</guid></item></channel></rss>""", "DTD" },
				{ "<rss><channel><item><title>Обрыв", "well-formed" },
				{ "<html><body>Not found</body></html>", "no RSS" }, { "", "empty" } };
		for (String[] hostile : answers) {
			answer(hostile[0]);
			assertThat(this.wire.poll(feed)).as(hostile[1]).isZero();
			assertThat(feed(feed).problem()).as(hostile[0]).containsIgnoringCase(hostile[1]);
		}
		this.server.enqueue(new MockResponse().setResponseCode(503));
		assertThat(this.wire.poll(feed)).isZero();
		assertThat(feed(feed).problem()).contains("503");
		// 3 MB of items: refused unread past the cap
		String huge = rss(java.util.stream.IntStream.range(0, 12_000)
			.mapToObj((i) -> item("h-" + i, "https://agency.example.kz/h/" + i, "Новость " + i,
					"Mon, 07 Dec 2026 09:00:00 +0500"))
			.toArray(String[]::new));
		answer(huge);
		assertThat(this.wire.poll(feed)).isZero();
		assertThat(feed(feed).problem()).contains("larger than");
		// an answer that trickles past the deadline
		this.server.enqueue(new MockResponse().setBody(new Buffer().writeUtf8(rss()))
			.throttleBody(16, 1, java.util.concurrent.TimeUnit.SECONDS));
		assertThat(this.wire.poll(feed)).isZero();
		assertThat(feed(feed).problem()).contains("no complete answer");
		assertThat(itemsOf(feed)).isEmpty();
	}

	@Test
	void aSubscriptionThatCannotBeUsedIsRefused() {
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> this.wire.subscribe("admin-wire", "de", "Feed", "https://agency.example.kz/rss"))
			.satisfies((ex) -> assertThat(ex.fields()).containsKey("edition"));
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> this.wire.subscribe("admin-wire", "ru", "Feed", "file:///etc/passwd"))
			.satisfies((ex) -> assertThat(ex.fields()).containsKey("url"));
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> this.wire.subscribe("admin-wire", "ru", " ", "https://agency.example.kz/rss"))
			.satisfies((ex) -> assertThat(ex.fields()).containsKey("name"));
		this.wire.subscribe("admin-wire", "kk", "Партнёр", "https://partner.example.kz/rss");
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> this.wire.subscribe("admin-wire", "kk", "Снова", "https://partner.example.kz/rss"))
			.satisfies((ex) -> assertThat(ex.fields()).containsKey("url"));
	}

	@Test
	void anEditorMakesADraftOfAnItemOnce() {
		long feed = subscribe();
		answer(rss(item("d-1", "https://agency.example.kz/news/d1", "Аким встретился с жителями",
				"Mon, 07 Dec 2026 09:00:00 +0500")));
		this.wire.poll(feed);
		Wire.Item item = itemsOf(feed).get(0);
		Actor editor = new Actor("wire-editor", Role.EDITOR);
		long draft = this.wire.draft(editor, item.id());
		EditableArticle article = this.workflow.find(draft).orElseThrow();
		assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(article.owner()).isEqualTo("wire-editor");
		assertThat(article.edition()).isEqualTo("ru");
		assertThat(article.draft().headline()).isEqualTo("Аким встретился с жителями");
		assertThat(article.draft().sourceLine()).startsWith("Казинформ");
		assertThat(article.draft().bodyHtml()).contains("href=\"https://agency.example.kz/news/d1\"");
		assertThat(itemsOf(feed).get(0).articleId()).isEqualTo(draft);
		assertThatExceptionOfType(Refusal.class).isThrownBy(() -> this.wire.draft(editor, item.id()));
	}

	@Test
	void aStoppedFeedIsNotPolledAndKeepsItsItems() {
		long feed = subscribe();
		answer(rss(item("s-1", "https://agency.example.kz/news/s1", "Старое", "Mon, 07 Dec 2026 09:00:00 +0500")));
		this.wire.poll(feed);
		assertThat(this.wire.stop(feed)).isTrue();
		int before = this.server.getRequestCount();
		this.wire.pollAll();
		assertThat(this.server.getRequestCount()).isEqualTo(before);
		assertThat(itemsOf(feed)).hasSize(1);
	}

}
