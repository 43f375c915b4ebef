package io.qalam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.newsroom.NewsroomUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The fault-and-load suite ({@code bench/faults}): the packaged jar on loopback, on H2
 * and on PostgreSQL, under three kinds of trouble, each ending in one summary line.
 * <ul>
 * <li>kills: scripted newsroom users save, publish and edit while the jar is killed with
 * {@code kill -9} at random moments; after each restart every acknowledged operation must
 * be there, nothing published twice, and search and the page cache must agree with the
 * database;</li>
 * <li>upstream faults: the rates and weather services answer huge, stalled, absurd and
 * redirected; pages must keep answering within 200 ms, and the widgets recover once the
 * service does;</li>
 * <li>load: wrk at 200 connections on public pages while an editor publishes every
 * second; no errors, each publication visible within a second.</li>
 * </ul>
 * Arguments: {@code h2|postgres|both}, the number of kills, and the scenarios
 * ({@code kills,upstream,load}).
 */
public final class FaultSuite {

	private static final Random random = new Random();

	private final Path work;

	private final String database;

	private final EmbeddedPostgres postgres;

	private FaultSuite(Path work, String database, EmbeddedPostgres postgres) {
		this.work = work;
		this.database = database;
		this.postgres = postgres;
	}

	public static void main(String[] args) throws Exception {
		String which = (args.length > 0) ? args[0] : "both";
		int kills = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		List<String> scenarios = List.of(((args.length > 2) ? args[2] : "kills,upstream,load").split(","));
		List<String> summary = new ArrayList<>();
		for (String database : List.of("h2", "postgres")) {
			if (!which.equals("both") && !which.equals(database)) {
				continue;
			}
			Path work = Files.createTempDirectory("qalam-faults-" + database);
			// Production's durability settings (the embedded server turns them off)
			EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder()
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start() : null;
			FaultSuite suite = new FaultSuite(work, database, postgres);
			try {
				if (scenarios.contains("kills")) {
					summary.add(suite.kills(kills));
				}
				if (scenarios.contains("upstream")) {
					summary.add(suite.upstreamFaults());
				}
				if (scenarios.contains("load")) {
					summary.add(suite.load());
				}
			}
			finally {
				if (postgres != null) {
					postgres.close();
				}
			}
		}
		System.out.println();
		summary.forEach(System.out::println);
	}

	// ---- kills

	/** What the site acknowledged about one article, and what may have happened after. */
	private static final class Tracked {

		final String headline;

		volatile int acknowledged;

		volatile int attempted;

		volatile boolean published;

		Tracked(String headline) {
			this.headline = headline;
		}

	}

	private String kills(int kills) throws Exception {
		Map<Long, Tracked> articles = new ConcurrentHashMap<>();
		AtomicLong acknowledged = new AtomicLong();
		String password = null;
		int lost = 0;
		int twice = 0;
		int indexWrong = 0;
		int cacheWrong = 0;
		for (int round = 0; round <= kills; round++) {
			PackagedJar qalam = start("kills", "-Xmx256m");
			if (password == null) {
				password = qalam.firstAdminPassword();
				NewsroomUser.login(qalam.port(), "admin", password);
				password = NewsroomUser.NEW_PASSWORD;
			}
			Check check = check(qalam, articles);
			lost += check.lost;
			twice += check.twice;
			indexWrong += check.index;
			cacheWrong += check.cache;
			if (round == kills) {
				qalam.close();
				break;
			}
			AtomicBoolean running = new AtomicBoolean(true);
			List<Thread> users = new ArrayList<>();
			for (int u = 0; u < 4; u++) {
				NewsroomUser user = NewsroomUser.login(qalam.port(), "admin", password);
				String name = "u" + u + "r" + round;
				Thread thread = new Thread(() -> write(user, name, articles, acknowledged, running), name);
				thread.start();
				users.add(thread);
			}
			Thread.sleep(1000 + random.nextInt(4000));
			qalam.kill();
			running.set(false);
			for (Thread thread : users) {
				thread.join(30_000);
			}
		}
		return String.format(
				"kills [%s]: kills %d, acknowledged operations %d, lost %d, published twice %d, "
						+ "search index wrong %d, page cache wrong %d",
				this.database, kills, acknowledged.get(), lost, twice, indexWrong, cacheWrong);
	}

	// One user's loop: a draft, an edit, the publication, an update; each step counted
	// once the site acknowledged it
	private static void write(NewsroomUser user, String name, Map<Long, Tracked> articles, AtomicLong acknowledged,
			AtomicBoolean running) {
		for (int n = 0; running.get(); n++) {
			String headline = "Fault " + name + " " + n + " " + Long.toHexString(random.nextLong());
			try {
				long id = user.createDraft("en", headline, marker(headline, 1));
				Tracked tracked = new Tracked(headline);
				tracked.acknowledged = 1;
				tracked.attempted = 1;
				articles.put(id, tracked);
				acknowledged.incrementAndGet();
				tracked.attempted = 2;
				user.edit(id, marker(headline, 2));
				tracked.acknowledged = 2;
				acknowledged.incrementAndGet();
				user.publish(id);
				tracked.published = true;
				acknowledged.incrementAndGet();
				tracked.attempted = 3;
				user.edit(id, marker(headline, 3));
				tracked.acknowledged = 3;
				acknowledged.incrementAndGet();
			}
			catch (RuntimeException killed) {
				return;
			}
		}
	}

	private static String marker(String headline, int version) {
		return "text-" + headline.replaceAll("\\W", "") + "-v" + version;
	}

	private record Check(int lost, int twice, int index, int cache) {
	}

	private Check check(PackagedJar qalam, Map<Long, Tracked> articles) throws Exception {
		if (articles.isEmpty()) {
			return new Check(0, 0, 0, 0);
		}
		NewsroomUser admin = NewsroomUser.login(qalam.port(), "admin", NewsroomUser.NEW_PASSWORD);
		WebClient web = qalam.web();
		String sitemap = web.get("/news-sitemap.xml").body();
		int lost = 0;
		int twice = 0;
		int index = 0;
		int cache = 0;
		int searched = 0;
		for (var entry : articles.entrySet()) {
			Tracked tracked = entry.getValue();
			Document editor = Jsoup.parse(admin.editor(entry.getKey()).body());
			String body = editor.select("#body").text();
			boolean current = body.contains(marker(tracked.headline, tracked.acknowledged))
					|| (tracked.attempted > tracked.acknowledged
							&& body.contains(marker(tracked.headline, tracked.attempted)));
			var viewLink = editor.selectFirst("a:containsOwn(view on the site)");
			if (!current || (tracked.published && viewLink == null)) {
				lost++;
				System.out.println("  lost: article " + entry.getKey() + " (" + tracked.headline + ")");
				continue;
			}
			if (viewLink == null) {
				continue;
			}
			if (occurrences(sitemap, tracked.headline) > 1) {
				twice++;
			}
			// The page (as kept in the page cache, asked twice) shows the latest text
			String path = viewLink.attr("href");
			String page = web.get(path).body() + web.get(path).body();
			if (!page.contains(marker(tracked.headline, tracked.acknowledged))
					&& !page.contains(marker(tracked.headline, tracked.attempted))) {
				cache++;
				System.out.println("  page cache: " + path + " does not show the latest text");
			}
			if (searched++ < 20 && !found(web, tracked.headline, path)) {
				index++;
				System.out.println("  search: " + tracked.headline + " does not find " + path);
			}
		}
		return new Check(lost, twice, index, cache);
	}

	// The index is checked against the database after a start, in the background: a few
	// seconds' grace
	private static boolean found(WebClient web, String headline, String path) {
		String token = headline.substring(headline.lastIndexOf(' ') + 1);
		for (int i = 0; i < 50; i++) {
			if (web.get("/en/search?q=" + token).body().contains(path)) {
				return true;
			}
			sleep(200);
		}
		return false;
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	// ---- upstream faults

	private String upstreamFaults() throws Exception {
		try (HostileService service = new HostileService()) {
			PackagedJar qalam = start("upstream", "-Xmx256m",
					"--qalam.widgets.rates.url=http://127.0.0.1:" + service.port(),
					"--qalam.widgets.weather.url=http://127.0.0.1:" + service.port(),
					"--qalam.widgets.http.read-timeout=3s", "--qalam.widgets.http.retries=0",
					"--qalam.widgets.fragment-ttl=0s");
			try {
				NewsroomUser admin = NewsroomUser.login(qalam.port(), "admin", qalam.firstAdminPassword());
				String article = Jsoup.parse(qalam.web().get("/en/").body())
					.selectFirst(".lead-story a[href^=\"/en/20\"]")
					.attr("href");
				Sampler sampler = new Sampler(qalam.web(), List.of("/ru/", "/en/", article, "/kk/rates"));
				sampler.start();
				int injected = 0;
				for (String mode : HostileService.MODES) {
					service.mode = mode;
					for (String source : List.of("rates", "weather")) {
						admin.refreshWidgets(source);
						injected++;
						awaitAttempt();
					}
				}
				service.mode = "good";
				admin.refreshWidgets("rates");
				boolean recovered = false;
				for (int i = 0; i < 100 && !recovered; i++) {
					Thread.sleep(100);
					recovered = qalam.web().get("/en/rates").body().contains("512.34")
							|| qalam.web().get("/en/rates").body().contains("512,34");
				}
				sampler.stop();
				return String.format(
						"upstream faults [%s]: faults injected %d, page requests %d, pages broken %d "
								+ "(slowest %d ms), widgets recovered %s, site alive %s",
						this.database, injected, sampler.requests.get(), sampler.broken.get(), sampler.slowest.get(),
						recovered ? "yes" : "NO", qalam.isAlive() ? "yes" : "NO");
			}
			finally {
				qalam.close();
			}
		}
	}

	// The fetch's whole deadline (3 s) and a little: the fault has run its course
	private static void awaitAttempt() throws InterruptedException {
		Thread.sleep(3500);
	}

	/** Fetches public pages in a loop, counting answers that fail or take over 200 ms. */
	private static final class Sampler {

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger broken = new AtomicInteger();

		final AtomicLong slowest = new AtomicLong();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		Sampler(WebClient web, List<String> paths) {
			this.thread = new Thread(() -> {
				for (int i = 0; this.running.get(); i++) {
					String path = paths.get(i % paths.size());
					long started = System.nanoTime();
					int status;
					try {
						status = web.get(path).statusCode();
					}
					catch (RuntimeException ex) {
						status = 0;
					}
					long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
					this.requests.incrementAndGet();
					this.slowest.accumulateAndGet(millis, Math::max);
					if (status != 200 || millis > 200) {
						this.broken.incrementAndGet();
						System.out.println("  page " + path + ": " + status + " in " + millis + " ms");
					}
					sleep(20);
				}
			}, "sampler");
		}

		void start() {
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}

	}

	/** The rates and weather services gone bad, one way at a time. */
	static final class HostileService implements AutoCloseable {

		static final List<String> MODES = List.of("huge", "stalled", "exponent", "absurd-change", "redirect",
				"server-error", "malformed", "empty");

		volatile String mode = "huge";

		private final ServerSocket server;

		HostileService() throws IOException {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(this::serve, "hostile-service");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		private void serve() {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Thread answer = new Thread(() -> answer(client), "hostile-answer");
					answer.setDaemon(true);
					answer.start();
				}
				catch (IOException closed) {
					return;
				}
			}
		}

		private void answer(Socket client) {
			try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
				byte[] head = new byte[8192];
				int read = in.read(head);
				String request = (read > 0) ? new String(head, 0, read, StandardCharsets.ISO_8859_1) : "";
				boolean rates = request.contains("/rss/");
				String good = rates ? rates("512.34", "+1.07") : "[]";
				switch (this.mode) {
					case "huge" -> {
						out.write(headers(200, null));
						byte[] chunk = "<item>0</item>".repeat(4096).getBytes(StandardCharsets.US_ASCII);
						for (long sent = 0; sent < 700L * 1024 * 1024; sent += chunk.length) {
							out.write(chunk);
						}
					}
					case "stalled" -> {
						out.write(headers(200, null));
						for (int i = 0; i < 20; i++) {
							out.write('<');
							out.flush();
							sleep(100);
						}
						sleep(60_000);
					}
					case "exponent" -> body(out, 200,
							rates ? rates("1E+10000000", "+0.5") : "[{\"current\":{\"temperature_2m\":1E+10000000}}]");
					case "absurd-change" -> body(out, 200, rates ? rates("512.34", "+1E+12") : "[{}]");
					case "redirect" -> {
						out.write(("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/actuator/health\r\n"
								+ "Content-Length: 0\r\nConnection: close\r\n\r\n")
							.getBytes(StandardCharsets.US_ASCII));
					}
					case "server-error" -> body(out, 503, "busy");
					case "malformed" -> body(out, 200, "<rss><channel><item><title>USD");
					case "empty" -> body(out, 200, "");
					default -> body(out, 200, good);
				}
			}
			catch (IOException gaveUp) {
				// the site stopped reading, as it should
			}
		}

		private static String rates(String usd, String change) {
			return "<rss><channel><item><title>USD</title><pubDate>01.12.26</pubDate><description>" + usd
					+ "</description><quant>1</quant><index>UP</index><change>" + change + "</change></item>"
					+ "<item><title>EUR</title><pubDate>01.12.26</pubDate><description>540.10</description>"
					+ "<quant>1</quant><index>DOWN</index><change>-0.35</change></item>"
					+ "<item><title>RUB</title><pubDate>01.12.26</pubDate><description>6.55</description>"
					+ "<quant>1</quant><index></index><change>0.00</change></item></channel></rss>";
		}

		private static byte[] headers(int status, Integer length) {
			return ("HTTP/1.1 " + status + " X\r\nContent-Type: application/xml\r\n"
					+ ((length != null) ? "Content-Length: " + length + "\r\n" : "") + "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}

		private static void body(OutputStream out, int status, String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			out.write(headers(status, bytes.length));
			out.write(bytes);
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

	// ---- load

	private String load() throws Exception {
		if (!onPath("wrk")) {
			return "load [" + this.database + "]: skipped, wrk is not installed (apt-get install -y wrk)";
		}
		PackagedJar qalam = start("load", "-Xmx256m", "-XX:+UseSerialGC");
		try {
			NewsroomUser editor = NewsroomUser.login(qalam.port(), "admin", qalam.firstAdminPassword());
			Process wrk = new ProcessBuilder("wrk", "-t2", "-c200", "-d30s", "--timeout", "5s",
					"http://127.0.0.1:" + qalam.port() + "/en/")
				.redirectErrorStream(true)
				.start();
			int publications = 0;
			List<Long> times = new ArrayList<>();
			int late = 0;
			long slowest = 0;
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(26);
			while (System.nanoTime() < until) {
				long started = System.nanoTime();
				String headline = "Load " + Long.toHexString(random.nextLong());
				long id = editor.createDraft("en", headline, "Published under load.");
				Runnable publish = editor.publishButton(id);
				// from the press of Publish (the editor page is loaded before)
				long publishing = System.nanoTime();
				publish.run();
				long visible = -1;
				while (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishing) < 5000) {
					if (qalam.web().get("/en/").body().contains(headline)) {
						visible = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishing);
						break;
					}
					sleep(10);
				}
				publications++;
				times.add((visible < 0) ? 5000 : visible);
				if (visible < 0 || visible > 1000) {
					late++;
				}
				slowest = Math.max(slowest, (visible < 0) ? 5000 : visible);
				sleep(Math.max(0, 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
			}
			String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			wrk.waitFor();
			long requests = number(report, "(\\d+) requests in");
			long errors = number(report, "Non-2xx or 3xx responses: (\\d+)")
					+ number(report, "Socket errors: connect (\\d+)") + number(report, "read (\\d+), write")
					+ number(report, "write (\\d+), timeout") + number(report, "timeout (\\d+)");
			List<Long> sorted = times.stream().sorted().toList();
			return String.format(
					"load [%s]: requests %d, errors %d, publications %d, visible later than 1 s %d "
							+ "(p50 %d ms, slowest %d ms; in order: %s)",
					this.database, requests, errors, publications, late, sorted.get(sorted.size() / 2), slowest, times);
		}
		finally {
			qalam.close();
		}
	}

	private static long number(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv("PATH").split(":")) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	// ---- shared

	// Each scenario on a data directory and (on PostgreSQL) a database of its own
	private PackagedJar start(String scenario, String heap, String... more) throws Exception {
		List<String> all = new ArrayList<>();
		if (this.postgres != null) {
			try (var connection = this.postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement();
					var exists = statement
						.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + scenario + "'")) {
				if (!exists.next()) {
					statement.execute("CREATE DATABASE " + scenario);
				}
			}
			all.addAll(List.of("--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", scenario),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--qalam.demo.enabled=true"));
		}
		all.addAll(List.of(more));
		Path data = this.work.resolve(scenario);
		List<String> jvm = new ArrayList<>(List.of(heap));
		for (String option : more) {
			if (option.startsWith("-XX")) {
				jvm.add(option);
				all.remove(option);
			}
		}
		return PackagedJar.start(data, jvm, all.toArray(String[]::new));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
