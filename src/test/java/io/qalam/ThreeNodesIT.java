package io.qalam;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.newsroom.NewsroomUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes as an outlet runs them: the packaged jar three times on one PostgreSQL
 * (embedded), one shared media directory, behind Varnish with the shipped VCL, with
 * stand-ins for Telegram, a webhook receiver, the National Bank and Open-Meteo. A publish
 * with a picture on one node is fresh on all three and through Varnish; scheduled
 * publishing and the widgets' fetches run once; one node killed with {@code kill -9}
 * while it publishes under load loses none of its events, and the others keep serving.
 */
class ThreeNodesIT {

	private static final String SECRETS = "three-nodes-secrets-key-of-32-characters";

	@TempDir
	Path dir;

	// what the stand-ins were sent: Telegram posts' texts, webhook deliveries by id
	private final List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Map<String, List<String>> deliveries = new ConcurrentHashMap<>();

	private final AtomicInteger bankCalls = new AtomicInteger();

	private final AtomicInteger meteoCalls = new AtomicInteger();

	private final AtomicLong messageIds = new AtomicLong(100);

	private String hooks;

	@Test
	void threeNodesBehindVarnishStayFreshAndLoseNothingToAKill() throws Exception {
		Assumptions.assumeTrue(Varnish.installed(),
				"Varnish with varnish-modules is not installed (apt-get install varnish varnish-modules)");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				MockWebServer outside = new MockWebServer()) {
			outside.setDispatcher(standIns());
			outside.start();
			this.hooks = outside.url("/hooks/qalam").toString();
			int varnishPort = Varnish.freePort();
			Path media = Files.createDirectories(this.dir.resolve("media"));
			List<String> settings = List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--qalam.media.dir=" + media, "--qalam.secrets.key=" + SECRETS, "--qalam.preview.key=" + SECRETS,
					"--qalam.edge.varnish=http://127.0.0.1:" + varnishPort,
					"--qalam.distribution.telegram.api-url=" + outside.url("/telegram").toString().replaceAll("/$", ""),
					"--qalam.distribution.telegram.tokens.en=123456:three-nodes-token",
					"--qalam.widgets.rates.url=" + outside.url("/bank/"),
					"--qalam.widgets.weather.url=" + outside.url("/meteo/"),
					"--qalam.widgets.refresh.initial-delay=PT1S", "--qalam.widgets.refresh.tick=PT0.5S",
					"--qalam.content.publish-due.initial-delay=PT1S", "--qalam.content.publish-due.interval=PT1S",
					// a publication a killed node took is handed out again soon
					"--qalam.events.redeliver-after=PT3S", "--qalam.events.redelivery-interval=PT1S",
					"--spring.modulith.events.staleness.published=PT3S",
					"--spring.modulith.events.staleness.check-intervall=PT1S",
					"--spring.modulith.events.staleness.processing=PT3S");
			List<PackagedJar> nodes = new ArrayList<>();
			try {
				// the first start makes the schema and the admin; the others join it
				nodes.add(node(1, settings));
				nodes.add(node(2, settings));
				nodes.add(node(3, settings));
				try (Varnish varnish = Varnish.start(varnishPort, nodes.stream().map(PackagedJar::port).toList())) {
					run(nodes, varnish, JdbcClient.create(postgres.getPostgresDatabase()));
				}
			}
			finally {
				for (PackagedJar node : nodes) {
					node.close();
				}
			}
		}
	}

	private void run(List<PackagedJar> nodes, Varnish varnish, JdbcClient db) throws Exception {
		NewsroomUser admin = NewsroomUser.login(nodes.get(0).port(), "admin", nodes.get(0).firstAdminPassword());
		admin.submit("/newsroom/distribution", "/newsroom/distribution/telegram/en", "chat", "@qalam_en", "enabled",
				"on");
		HttpResponse<String> hook = admin.submit("/newsroom/distribution", "/newsroom/distribution/webhooks", "url",
				this.hooks);
		assertThat(hook.statusCode()).isEqualTo(200);

		// the widgets' sources are fetched once, by one of the three nodes
		await().atMost(Duration.ofSeconds(20)).until(() -> this.bankCalls.get() >= 1 && this.meteoCalls.get() >= 1);
		Thread.sleep(2000);
		assertThat(this.bankCalls.get()).as("the bank asked once").isEqualTo(1);
		assertThat(this.meteoCalls.get()).as("the weather asked once").isEqualTo(1);

		// a publish with a picture on one node: fresh on all three and through Varnish
		assertThat(admin.uploadImage("three-nodes.png", io.qalam.media.TestImages.png(1200, 800)).statusCode())
			.isEqualTo(302);
		long image = db.sql("SELECT MAX(id) FROM images").query(Long.class).single();
		String headline = "Three nodes " + unique();
		long id = admin.createDraft("en", headline, "Seen everywhere.");
		admin.press(id, "save", "leadImage", Long.toString(image));
		for (PackagedJar node : nodes) {
			node.web().get("/en/");
		}
		varnish.web().get("/en/");
		admin.publish(id);
		List<WebClient> readers = new ArrayList<>(nodes.stream().map(PackagedJar::web).toList());
		readers.add(varnish.web());
		for (WebClient reader : readers) {
			await().atMost(Duration.ofSeconds(10)).until(() -> reader.get("/en/").body().contains(headline));
			String article = Jsoup.parse(reader.get("/en/").body())
				.select("a:contains(" + headline + ")")
				.first()
				.attr("href");
			String picture = Jsoup.parse(reader.get(article).body()).selectFirst("article img").attr("src");
			assertThat(reader.getBytes(picture).statusCode()).as(picture).isEqualTo(200);
		}

		// scheduled publishing runs on one node only
		String scheduled = "Scheduled on three nodes " + unique();
		long later = admin.createDraft("en", scheduled, "Due soon.");
		String inTwoMinutes = LocalDateTime.now(ZoneId.of("Asia/Almaty"))
			.plusMinutes(2)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		admin.press(later, "schedule", "scheduledAt", inTwoMinutes);
		db.sql("UPDATE articles SET scheduled_at = CURRENT_TIMESTAMP + INTERVAL '2 seconds' WHERE id = :id")
			.param("id", later)
			.update();
		await().atMost(Duration.ofSeconds(20)).until(() -> varnish.web().get("/en/").body().contains(scheduled));
		int scheduledLogs = 0;
		for (PackagedJar node : nodes) {
			scheduledLogs += count(node.output(), "Published 1 scheduled article");
		}
		assertThat(scheduledLogs).as("one node published it").isEqualTo(1);

		// load on all three while the third publishes; then it is killed
		AtomicBoolean loading = new AtomicBoolean(true);
		Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
		Map<String, WebClient> survivors = Map.of("node 1", readers.get(0), "node 2", readers.get(1), "Varnish",
				readers.get(3));
		ExecutorService load = Executors.newFixedThreadPool(survivors.size() + 1);
		survivors.forEach((name, reader) -> load.execute(() -> {
			while (loading.get()) {
				boolean ok;
				try {
					ok = reader.get("/en/").statusCode() == 200;
				}
				catch (RuntimeException ex) {
					ok = false;
				}
				(ok ? served : failures).computeIfAbsent(name, (k) -> new AtomicInteger()).incrementAndGet();
			}
		}));
		// and the node to be killed, until it is
		load.execute(() -> {
			while (loading.get() && nodes.get(2).isAlive()) {
				try {
					readers.get(2).get("/en/");
				}
				catch (RuntimeException gone) {
					// killed
				}
			}
		});
		NewsroomUser third = NewsroomUser.login(nodes.get(2).port(), "admin", NewsroomUser.NEW_PASSWORD);
		List<String> killedWhilePublishing = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			String title = "Published before a kill " + i + " " + unique();
			third.publish(third.createDraft("en", title, "Text " + i));
			killedWhilePublishing.add(title);
		}
		nodes.get(2).kill();
		try {
			for (String title : killedWhilePublishing) {
				survivors.forEach((name, reader) -> await().alias(name + " shows " + title)
					.atMost(Duration.ofSeconds(10))
					.until(() -> reader.get("/en/").body().contains(title)));
			}
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("events not done: " + undone(db), ex);
		}
		Thread.sleep(2000);
		loading.set(false);
		load.shutdown();
		assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(failures).as("the others kept serving (served: %s)", served).isEmpty();
		assertThat(served.keySet()).containsExactlyInAnyOrderElementsOf(survivors.keySet());

		// every publication reached the channel once and the webhook once, the killed
		// node's too
		List<String> everyTitle = new ArrayList<>(killedWhilePublishing);
		everyTitle.add(headline);
		everyTitle.add(scheduled);
		for (String title : everyTitle) {
			await()
				.alias(title + " posted; channel posts: "
						+ db.sql("SELECT article_id, state, last_error FROM telegram_posts").query().listOfRows()
						+ ", sent: " + this.posts.size())
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.posts.stream().filter((post) -> post.contains(title)).count() >= 1);
			await().alias(title + " delivered to the webhook")
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.deliveries.values().stream().anyMatch((bodies) -> bodies.get(0).contains(title)));
		}
		Thread.sleep(3000);
		for (String title : everyTitle) {
			assertThat(this.posts.stream().filter((post) -> post.contains(title)).count()).as(title).isEqualTo(1);
		}
		// each delivery has an id of its own, handled once by the receiver: one per
		// publication
		List<String> delivered = this.deliveries.values().stream().map((bodies) -> bodies.get(0)).toList();
		for (String title : everyTitle) {
			assertThat(delivered.stream().filter((body) -> body.contains(title)).count()).as(title).isEqualTo(1);
		}
		assertThat(db.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single()).as("no event left undone").isZero();
	}

	// what the registry still holds, to say why a wait failed
	private static List<Map<String, Object>> undone(JdbcClient db) {
		return db
			.sql("SELECT listener_id, status, publication_date FROM event_publication"
					+ " WHERE completion_date IS NULL")
			.query()
			.listOfRows();
	}

	private PackagedJar node(int number, List<String> settings) throws Exception {
		return PackagedJar.start(this.dir.resolve("node" + number), List.of("-Xmx256m", "-XX:+UseSerialGC"),
				settings.toArray(String[]::new));
	}

	private Dispatcher standIns() {
		return new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				String path = request.getPath();
				if (path.startsWith("/telegram/")) {
					if (path.endsWith("/sendMessage") || path.endsWith("/sendPhoto")) {
						ThreeNodesIT.this.posts.add(request.getBody().readUtf8());
					}
					return json("{\"ok\":true,\"result\":{\"message_id\":"
							+ ThreeNodesIT.this.messageIds.incrementAndGet() + "}}");
				}
				if (path.startsWith("/hooks/")) {
					ThreeNodesIT.this.deliveries
						.computeIfAbsent(request.getHeader("X-Qalam-Delivery"),
								(id) -> new java.util.concurrent.CopyOnWriteArrayList<>())
						.add(request.getBody().readUtf8());
					return json("{}");
				}
				if (path.startsWith("/bank/")) {
					if (!path.contains("get_rates.cfm")) {
						ThreeNodesIT.this.bankCalls.incrementAndGet();
					}
					return json(io.qalam.widgets.TestFixtures.rates());
				}
				if (path.startsWith("/meteo/")) {
					ThreeNodesIT.this.meteoCalls.incrementAndGet();
					return json(io.qalam.widgets.TestFixtures.weather("-2.5"));
				}
				return new MockResponse().setResponseCode(404);
			}
		};
	}

	private static MockResponse json(String body) {
		return new MockResponse().setResponseCode(200).setBody(body);
	}

	private static int count(String text, String what) {
		Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
