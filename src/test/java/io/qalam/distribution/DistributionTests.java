package io.qalam.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.qalam.QalamTest;
import io.qalam.content.Actor;
import io.qalam.content.ArticleEvent;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.LiveBlogs;
import io.qalam.newsroom.NewsroomTestLogin;
import io.qalam.newsroom.TestAccounts;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Telegram posts against a stand-in for the Bot API, and webhooks against a stand-in
 * receiver, through the whole application: publish, update and unpublish in the
 * newsroom's workflow, events through the registry, calls over real HTTP.
 */
@QalamTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class DistributionTests {

	private static final String TOKEN = "123456:TEST-token-for-the-english-edition";

	private static final Actor EDITOR = new Actor("distribution-editor", Role.EDITOR);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final FakeBotApi telegram = new FakeBotApi();

	private static final MockWebServer telegramServer = new MockWebServer();

	private static final Receiver receiver = new Receiver();

	private static final MockWebServer receiverServer = new MockWebServer();

	private static String webhookSecret;

	static {
		try {
			telegramServer.setDispatcher(telegram);
			telegramServer.start();
			receiverServer.setDispatcher(receiver);
			receiverServer.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void distribution(DynamicPropertyRegistry registry) {
		registry.add("qalam.distribution.telegram.api-url", () -> telegramServer.url("/").toString());
		registry.add("qalam.distribution.telegram.tokens.en", () -> TOKEN);
		registry.add("qalam.distribution.interval", () -> "PT0.2S");
		registry.add("qalam.distribution.backoff", () -> "PT0.3S, PT0.3S");
		registry.add("qalam.distribution.read-timeout", () -> "PT1S");
		registry.add("qalam.distribution.uncertain-after", () -> "PT3S");
	}

	@AfterAll
	static void stop() throws IOException {
		telegramServer.shutdown();
		receiverServer.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	TelegramPosts posts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	io.qalam.media.MediaLibrary media;

	@Autowired
	LiveBlogs liveBlogs;

	@Test
	void aPublishedArticleIsPostedOnceThenEditedThenDeleted() {
		String tag = tag();
		long id = publish("Bridge opens " + tag);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		List<FakeBotApi.Call> sent = telegram.callsAbout(tag);
		assertThat(sent).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("sendMessage");
			assertThat(call.token()).isEqualTo(TOKEN);
			JsonNode body = this.json.readTree(call.body());
			assertThat(body.path("chat_id").asString()).isEqualTo("@qalam_en");
			assertThat(body.path("parse_mode").asString()).isEqualTo("HTML");
			assertThat(body.path("text").asString()).startsWith("<b>Bridge opens " + tag + "</b>\n\nA lead.")
				.contains("<a href=\"https://qalam.example/en/20")
				.endsWith(">Read more</a>");
		});
		long messageId = messageId(id);

		int version = this.workflow.find(id).orElseThrow().version();
		version = this.workflow.save(EDITOR, id, version, new Draft("Bridge opens early " + tag, "A lead.",
				"<p>Text.</p>", "world", List.of(), "", null, null, null));
		await().atMost(WAIT).until(() -> telegram.callsFor("editMessageText", messageId).size() == 1);
		assertThat(telegram.callsFor("editMessageText", messageId).get(0).body()).contains("Bridge opens early");

		this.workflow.unpublish(EDITOR, id, version);
		await().atMost(WAIT).until(() -> state(id).equals("DELETED"));
		assertThat(telegram.callsFor("deleteMessage", messageId)).hasSize(1);
		assertThat(telegram.callsAbout(tag).stream().filter((c) -> c.method().equals("sendMessage"))).hasSize(1);
	}

	@Test
	void anArticleWithALeadImageIsPostedAsAPhotoWithItsCaption() {
		long image = this.media
			.store(io.qalam.media.TestImages.redBlue(1600, 900),
					Map.of("en", new io.qalam.media.ImageView.Caption("Library caption", "Library credit")))
			.id();
		String tag = tag();
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft("Photo story " + tag, "A lead " + "with many words ".repeat(100), "<p>Text.</p>", "world",
						List.of(), "", null, null, null)
					.withLeadImage(image, "Caption", "Credit"));
		this.workflow.publish(EDITOR, id, 0);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		assertThat(telegram.callsAbout(tag)).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("sendPhoto");
			assertThat(call.body()).contains("name=\"chat_id\"\r\n\r\n@qalam_en", "name=\"photo\"",
					"Content-Type: image/jpeg", "<b>Photo story " + tag + "</b>");
			String caption = call.body()
				.substring(call.body().indexOf("name=\"caption\"\r\n\r\n") + 19,
						call.body().indexOf("\r\n--", call.body().indexOf("name=\"caption\"")));
			// Telegram's caption limit, the lead cut to fit, the link kept
			assertThat(caption.length()).isLessThanOrEqualTo(TelegramPosts.MAX_CAPTION);
			assertThat(caption).contains("…").endsWith(">Read more</a>");
		});
		long messageId = messageId(id);
		int version = this.workflow.find(id).orElseThrow().version();
		this.workflow.save(EDITOR, id, version, new Draft("Photo story, edited " + tag, "A lead.", "<p>Text.</p>",
				"world", List.of(), "", null, null, null)
			.withLeadImage(image, "Caption", "Credit"));
		await().atMost(WAIT).until(() -> telegram.callsFor("editMessageCaption", messageId).size() == 1);
	}

	@Test
	void theTokenNeverAppearsInTheLog(org.springframework.boot.test.system.CapturedOutput output) {
		telegram.thenAnswer(FakeBotApi.error(500, "Internal Server Error"));
		telegram.thenAnswer(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
		String tag = tag();
		long id = publish("Quiet token " + tag);
		await().atMost(WAIT).until(() -> !state(id).equals("PENDING") && !state(id).equals("SENDING"));
		assertThat(output.getAll()).doesNotContain(TOKEN, TOKEN.substring(TOKEN.indexOf(':') + 1));
		assertThat(this.jdbc.sql("SELECT COALESCE(last_error, '') FROM telegram_posts WHERE article_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).doesNotContain(TOKEN);
	}

	@Test
	void a429IsWaitedOutAndA500Retried() {
		telegram.thenAnswer(FakeBotApi.tooManyRequests(1));
		telegram.thenAnswer(FakeBotApi.error(500, "Internal Server Error"));
		String tag = tag();
		long id = publish("Busy channel " + tag);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		List<FakeBotApi.Call> calls = telegram.callsAbout(tag);
		assertThat(calls).hasSize(3).allSatisfy((c) -> assertThat(c.method()).isEqualTo("sendMessage"));
		// retry_after said one second
		assertThat(Duration.ofNanos(calls.get(1).at() - calls.get(0).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void aLostAnswerIsRecordedAsUncertainAndNeverPostedAgainByItself() {
		telegram.thenAnswer(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		String tag = tag();
		long id = publish("Lost answer " + tag);
		await().atMost(WAIT).until(() -> state(id).equals("UNCERTAIN"));
		// several rounds later, still the one call
		await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
		assertThat(telegram.callsAbout(tag)).hasSize(1);

		String editor = TestAccounts.create(this.accounts, Role.EDITOR);
		NewsroomTestLogin login = NewsroomTestLogin.as(this.port, editor);
		var page = Jsoup.parse(login.get("/newsroom/distribution"));
		assertThat(page.select(".post-uncertain").text()).contains("#" + id, "No answer from Telegram");
		long postId = postId(id);
		var confirmed = login.post("/newsroom/distribution/posts/" + postId + "/confirm", "messageLink",
				"https://t.me/qalam_en/4242");
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(messageId(id)).isEqualTo(4242);
		assertThat(telegram.callsAbout(tag)).hasSize(1);
	}

	@Test
	void anAnswerThatTricklesIsGivenUpAtTheDeadline() {
		// Headers at once, then a byte every half second: 20 s for the whole answer
		telegram.thenAnswer(new MockResponse().setBody("{\"ok\":true,\"result\":{\"message_id\":77}}")
			.throttleBody(1, 500, TimeUnit.MILLISECONDS));
		String tag = tag();
		long id = publish("Trickling answer " + tag);
		await().atMost(Duration.ofSeconds(8)).until(() -> state(id).equals("UNCERTAIN"));
		assertThat(telegram.callsAbout(tag)).hasSize(1);
	}

	@Test
	void anEditorSendsAnUncertainPostThatIsNotInTheChannel() {
		telegram.thenAnswer(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		String tag = tag();
		long id = publish("Not there " + tag);
		await().atMost(WAIT).until(() -> state(id).equals("UNCERTAIN"));
		String editor = TestAccounts.create(this.accounts, Role.EDITOR);
		NewsroomTestLogin login = NewsroomTestLogin.as(this.port, editor);
		login.get("/newsroom/distribution");
		assertThat(login.post("/newsroom/distribution/posts/" + postId(id) + "/retry").statusCode()).isEqualTo(302);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		assertThat(telegram.callsAbout(tag)).hasSize(2);
	}

	@Test
	void aNodeThatStoppedDuringTheCallLeavesAnUncertainPostNotASecondOne() {
		// what a crash after claiming leaves behind: SENDING, claimed long ago
		telegram.thenAnswer(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		String tag = tag();
		long id = publish("Crash window " + tag);
		await().atMost(WAIT).until(() -> !state(id).equals("PENDING"));
		this.jdbc.sql("UPDATE telegram_posts SET state = 'SENDING', claimed_at = :long_ago WHERE article_id = :id")
			.param("long_ago", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10))
			.param("id", id)
			.update();
		await().atMost(WAIT).until(() -> state(id).equals("UNCERTAIN"));
		assertThat(telegram.callsAbout(tag)).hasSize(1);
	}

	@Test
	void anEventHandedOutAgainPostsNothingMore() {
		String tag = tag();
		long id = publish("Twice delivered " + tag);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		var article = this.workflow.find(id).orElseThrow();
		ArticleEvent again = new ArticleEvent.ArticlePublished(id, "en", article.storyId(), article.version(),
				ArticleEvent.Origin.NEWSROOM, null, null);
		this.posts.record(again);
		this.posts.record(again);
		await().pollDelay(Duration.ofMillis(800)).atMost(WAIT).until(() -> true);
		assertThat(telegram.callsAbout(tag)).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM telegram_posts WHERE article_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anEmbargoedArticleIsPostedWhenTheEmbargoEnds() {
		String tag = tag();
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft("Embargoed " + tag, "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null, null));
		int version = this.workflow.embargo(EDITOR, id, 0, Instant.now().plusSeconds(2));
		this.workflow.publish(EDITOR, id, version);
		// the end of the embargo is told of by the job (every few seconds in production)
		assertThat(this.workflow.announceEndedEmbargoes()).isZero();
		await().pollDelay(Duration.ofMillis(1000)).atMost(WAIT).until(() -> true);
		assertThat(telegram.callsAbout(tag)).isEmpty();
		await().atMost(WAIT).until(() -> this.workflow.announceEndedEmbargoes() > 0);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		assertThat(this.workflow.announceEndedEmbargoes()).isZero();
		// told once (the job finds nothing more, the channel gets one post below), and
		// nothing about it is left undone in the registry (done events leave it)
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :id "
					+ "AND listener_id LIKE '%Distribution%'")
			.param("id", "%\"articleId\":" + id + ",%")
			.query(Long.class)
			.single()).isZero();
		await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
		assertThat(telegram.callsAbout(tag)).as("posted once, never edited").hasSize(1);
	}

	@Test
	void webhooksGetSignedCallsOnPublishUpdateAndUnpublish() throws Exception {
		String secret = webhook();
		String tag = tag();
		long id = publish("Webhook story " + tag);
		await().atMost(WAIT).until(() -> receiver.about(tag).size() == 1);
		RecordedRequest call = receiver.about(tag).get(0);
		assertThat(call.getHeader("X-Qalam-Event")).isEqualTo("article.published");
		assertThat(call.getHeader("X-Qalam-Delivery")).matches("\\d+");
		String body = receiver.body(call);
		// what a receiver does: recompute the signature from the secret it was given
		Map<String, String> signature = parse(call.getHeader("X-Qalam-Signature"));
		assertThat(signature.get("v1")).isEqualTo(hmac(secret, signature.get("t") + "." + body));
		assertThat(Long.parseLong(signature.get("t"))).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(60L));
		JsonNode payload = this.json.readTree(body);
		assertThat(payload.path("event").asString()).isEqualTo("article.published");
		assertThat(payload.path("article").path("id").asLong()).isEqualTo(id);
		assertThat(payload.path("article").path("headline").asString()).isEqualTo("Webhook story " + tag);
		assertThat(payload.path("article").path("url").asString()).startsWith("https://qalam.example/en/20");

		int version = this.workflow.find(id).orElseThrow().version();
		version = this.workflow.save(EDITOR, id, version, new Draft("Webhook story, updated " + tag, "A lead.",
				"<p>Text.</p>", "world", List.of(), "", null, null, null));
		this.workflow.unpublish(EDITOR, id, version);
		await().atMost(WAIT).until(() -> receiver.about(tag).size() == 3);
		assertThat(receiver.about(tag).stream().map((r) -> r.getHeader("X-Qalam-Event")))
			.containsExactlyInAnyOrder("article.published", "article.updated", "article.unpublished");
	}

	@Test
	void aFailingWebhookIsRetriedThenShownAsFailedWithARetryButton() {
		webhook();
		receiver.thenAnswer(new MockResponse().setResponseCode(500));
		receiver.thenAnswer(new MockResponse().setResponseCode(503));
		receiver.thenAnswer(new MockResponse().setResponseCode(500));
		String tag = tag();
		long id = publish("Failing receiver " + tag);
		await().atMost(WAIT)
			.until(() -> "FAILED"
				.equals(this.jdbc.sql("SELECT MAX(state) FROM webhook_deliveries WHERE article_id = :id")
					.param("id", id)
					.query(String.class)
					.single()));
		assertThat(receiver.about(tag)).hasSize(3);

		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		NewsroomTestLogin login = NewsroomTestLogin.as(this.port, admin);
		var page = Jsoup.parse(login.get("/newsroom/distribution"));
		var failed = page.selectFirst(".delivery-failed");
		assertThat(failed.text()).contains("#" + id, "answered 500");
		String retry = failed.selectFirst("form").attr("action");
		assertThat(login.post(retry).statusCode()).isEqualTo(302);
		await().atMost(WAIT).until(() -> receiver.about(tag).size() == 4);
		await().atMost(WAIT)
			.until(() -> "DELIVERED"
				.equals(this.jdbc.sql("SELECT MAX(state) FROM webhook_deliveries WHERE article_id = :id")
					.param("id", id)
					.query(String.class)
					.single()));
	}

	@Test
	void webhookAddressesAreChecked() {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		NewsroomTestLogin login = NewsroomTestLogin.as(this.port, admin);
		login.get("/newsroom/distribution");
		long before = this.jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single();
		for (String[] bad : new String[][] { { "", "Enter the address" },
				{ "ftp://example.kz/hook", "must start with https://" }, { "javascript:alert(1)", "must start with" },
				{ "https://user:secret@example.kz/hook", "Leave the user name and password out" },
				{ "https://example.kz/hook#x", "fragment" }, { "https:///nohost", "no host" },
				{ "https://example.kz/" + "a".repeat(2100), "longer than 2,000" },
				{ "https://exa mple.kz", "not a web address" } }) {
			var response = login.post("/newsroom/distribution/webhooks", "url", bad[0]);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(Jsoup.parse(response.body()).selectFirst("[role=alert]").text()).as(bad[0]).contains(bad[1]);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aTokenEnteredInTheNewsroomIsStoredEncryptedAndNeverShown() {
		String admin = TestAccounts.create(this.accounts, Role.ADMIN);
		NewsroomTestLogin login = NewsroomTestLogin.as(this.port, admin);
		login.get("/newsroom/distribution");
		String token = "987654:AAH-kazakh-edition-token-xyz1";
		var bad = login.post("/newsroom/distribution/telegram/kk", "chat", "@qalam_kz", "token", "not a token",
				"enabled", "on");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("does not look like a bot token");
		var saved = login.post("/newsroom/distribution/telegram/kk", "chat", "@qalam_kz", "token", token,
				"deleteOnUnpublish", "on");
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = login.get("/newsroom/distribution");
		assertThat(page).doesNotContain(token).contains("…xyz1");
		String stored = this.jdbc.sql("SELECT token_sealed FROM telegram_settings WHERE edition = 'kk'")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("kazakh-edition-token");
		assertThat(this.jdbc.sql("SELECT enabled FROM telegram_settings WHERE edition = 'kk'")
			.query(Boolean.class)
			.single()).isFalse();
	}

	private String webhook() {
		synchronized (DistributionTests.class) {
			if (webhookSecret == null) {
				String admin = TestAccounts.create(this.accounts, Role.ADMIN);
				NewsroomTestLogin login = NewsroomTestLogin.as(this.port, admin);
				login.get("/newsroom/distribution");
				var response = login.post("/newsroom/distribution/webhooks", "url",
						receiverServer.url("/hooks/qalam").toString());
				assertThat(response.statusCode()).isEqualTo(200);
				webhookSecret = Jsoup.parse(response.body()).selectFirst("code.secret").text();
				assertThat(webhookSecret).startsWith("whsec_");
				// shown once: the page does not show it again
				assertThat(login.get("/newsroom/distribution")).doesNotContain(webhookSecret);
			}
			return webhookSecret;
		}
	}

	@Test
	void thePostNamesEveryAuthorOfTheByline() {
		String tag = tag();
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft("Two authors " + tag, "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null,
						List.of("daniyar-ospanov", "aigerim-sadykova"), null, null, null, null));
		this.workflow.publish(EDITOR, id, 0);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		assertThat(telegram.callsAbout(tag)).singleElement()
			.satisfies((call) -> assertThat(this.json.readTree(call.body()).path("text").asString())
				.contains("A lead.\n\n<i>Daniyar Ospanov, Aigerim Sadykova</i>\n\n<a href="));
	}

	@Test
	void aLiveBlogsEntriesGoToTheChannelOnlyWhenAnEditorAsks() {
		String tag = tag();
		long id = publish("Floods live " + tag);
		this.liveBlogs.start(EDITOR, id);
		await().atMost(WAIT).until(() -> state(id).equals("SENT"));
		long messageId = messageId(id);
		long quiet = this.liveBlogs.post(EDITOR, id,
				new LiveBlogs.EntryDraft("Quiet entry " + tag, null, "", "", false));
		long asked = this.liveBlogs.post(EDITOR, id, new LiveBlogs.EntryDraft(
				"Water at 3 m in Semey " + tag + " <b>not bold</b>", null, "", "https://youtu.be/dQw4w9WgXcQ", false));

		assertThatThrownBy(() -> this.liveBlogs.share(new Actor("distribution-reporter", Role.REPORTER), id, asked))
			.isInstanceOf(io.qalam.content.WorkflowException.class);
		this.liveBlogs.share(EDITOR, id, asked);
		assertThatThrownBy(() -> this.liveBlogs.share(EDITOR, id, asked))
			.isInstanceOf(io.qalam.content.WorkflowException.Invalid.class);
		await().atMost(WAIT).until(() -> entryState(asked).equals("SENT"));
		assertThat(telegram.callsAbout("Water at 3 m")).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("sendMessage");
			assertThat(this.json.readTree(call.body()).path("text").asString()).startsWith("<b>Floods live " + tag
					+ "</b>\n\nWater at 3 m in Semey " + tag
					+ " &lt;b&gt;not bold&lt;/b&gt;\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n<a href=\"https://qalam.example/en/20")
				.endsWith("#entry-" + asked + "\">Follow the live blog</a>");
		});

		// a correction edits the entry's post; the article's post is never edited for an
		// entry
		this.liveBlogs.correct(EDITOR, id, asked,
				new LiveBlogs.EntryDraft("Water at 3.5 m in Semey " + tag, null, "", "", false));
		long entryMessage = this.jdbc.sql("SELECT message_id FROM telegram_posts WHERE live_entry_id = :id")
			.param("id", asked)
			.query(Long.class)
			.single();
		await().atMost(WAIT).until(() -> telegram.callsFor("editMessageText", entryMessage).size() == 1);
		assertThat(telegram.callsFor("editMessageText", entryMessage).get(0).body()).contains("Water at 3.5 m");
		this.liveBlogs.correct(EDITOR, id, quiet,
				new LiveBlogs.EntryDraft("Quiet, corrected " + tag, null, "", "", false));
		this.liveBlogs.pin(EDITOR, id, quiet, true);
		long marker = publish("After the live entries " + tag);
		await().atMost(WAIT).until(() -> state(marker).equals("SENT"));
		assertThat(telegram.callsAbout("Quiet")).isEmpty();
		assertThat(telegram.callsFor("editMessageText", messageId)).isEmpty();
		assertThat(telegram.callsAbout(tag).stream().filter((c) -> c.method().equals("sendMessage"))).hasSize(3);

		// unpublishing takes the entry's post down with the article's
		this.workflow.unpublish(EDITOR, id, this.workflow.find(id).orElseThrow().version());
		await().atMost(WAIT).until(() -> entryState(asked).equals("DELETED") && state(id).equals("DELETED"));
	}

	@Test
	void anEntryOfAnUnpublishedLiveBlogCannotBeSent() {
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft("Draft live " + tag(), "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null, null));
		this.liveBlogs.start(EDITOR, id);
		long entry = this.liveBlogs.post(EDITOR, id, new LiveBlogs.EntryDraft("An entry", null, "", "", false));
		assertThatThrownBy(() -> this.liveBlogs.share(EDITOR, id, entry))
			.isInstanceOf(io.qalam.content.WorkflowException.Invalid.class);
		assertThat(this.liveBlogs.shared(id)).isEmpty();
	}

	private String entryState(long entryId) {
		return this.jdbc.sql("SELECT state FROM telegram_posts WHERE live_entry_id = :id")
			.param("id", entryId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private long publish(String headline) {
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", "world", List.of(), "", null, null, null));
		this.workflow.publish(EDITOR, id, 0);
		return id;
	}

	private String state(long articleId) {
		return this.jdbc.sql(
				"SELECT state FROM telegram_posts WHERE article_id = :id AND live_entry_id IS NULL ORDER BY id DESC LIMIT 1")
			.param("id", articleId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private long messageId(long articleId) {
		return this.jdbc.sql(
				"SELECT message_id FROM telegram_posts WHERE article_id = :id AND live_entry_id IS NULL ORDER BY id DESC LIMIT 1")
			.param("id", articleId)
			.query(Long.class)
			.single();
	}

	private long postId(long articleId) {
		return this.jdbc.sql(
				"SELECT id FROM telegram_posts WHERE article_id = :id AND live_entry_id IS NULL ORDER BY id DESC LIMIT 1")
			.param("id", articleId)
			.query(Long.class)
			.single();
	}

	private static Map<String, String> parse(String header) {
		Map<String, String> parts = new java.util.HashMap<>();
		for (String part : header.split(",")) {
			String[] pair = part.split("=", 2);
			parts.put(pair[0], pair[1]);
		}
		return parts;
	}

	private static String hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String tag() {
		return "tg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A webhook receiver: answers 200 unless told otherwise, and keeps every call. */
	static final class Receiver extends Dispatcher {

		private final Queue<MockResponse> next = new ConcurrentLinkedQueue<>();

		private final List<RecordedRequest> calls = new CopyOnWriteArrayList<>();

		private final Map<RecordedRequest, String> bodies = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			this.bodies.put(request, request.getBody().readUtf8());
			this.calls.add(request);
			MockResponse forced = this.next.poll();
			return (forced != null) ? forced : new MockResponse().setResponseCode(204);
		}

		void thenAnswer(MockResponse response) {
			this.next.add(response);
		}

		List<RecordedRequest> about(String text) {
			return this.calls.stream().filter((r) -> this.bodies.get(r).contains(text)).toList();
		}

		String body(RecordedRequest request) {
			return this.bodies.get(request);
		}

	}

}
