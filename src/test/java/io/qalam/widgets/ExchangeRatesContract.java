package io.qalam.widgets;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import io.qalam.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching the official rates from a stand-in National Bank that answers in the real
 * formats — and in every broken way the real one might. After each broken fetch the
 * widget still shows the last good values, and the newsroom sees why.
 */
abstract class ExchangeRatesContract {

	// 11:00 in Almaty on 27 November 2026
	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	io.qalam.edition.Editions editions;

	// what the rates asked the edge caches to purge
	private final java.util.List<String> purged = new java.util.concurrent.CopyOnWriteArrayList<>();

	private MockWebServer bank;

	private ExchangeRates rates;

	private FetchLog fetches;

	private StoredWidgets widgets;

	@BeforeEach
	void start() throws IOException {
		this.jdbc.sql("DELETE FROM exchange_rates").update();
		this.jdbc.sql("DELETE FROM widget_fetches").update();
		this.bank = new MockWebServer();
		this.bank.start();
		this.rates = ratesFrom(URI.create(this.bank.url("/").toString()));
	}

	@AfterEach
	void stop() throws IOException {
		this.bank.shutdown();
		this.jdbc.sql("DELETE FROM exchange_rates").update();
		this.jdbc.sql("DELETE FROM widget_fetches").update();
	}

	@Test
	void theDailyFeedIsStoredAndShownWithArrowsAndSigns() throws InterruptedException {
		// The fragment is cached (the clock stands still); the refresh replaces it
		assertThat(this.widgets.rates().hasData()).isFalse();
		this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
		assertThat(this.rates.refresh()).contains(4);
		RecordedRequest request = this.bank.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request.getPath()).isEqualTo("/rss/rates_all.xml");

		RatesWidget widget = this.widgets.rates();
		assertThat(widget.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(widget.rows()).extracting(RatesWidget.Rate::currency).containsExactly("USD", "EUR", "RUB");
		assertThat(widget.rows()).extracting(RatesWidget.Rate::direction).containsExactly(1, -1, 0);
		assertThat(widget.rows().get(0).rate()).isEqualByComparingTo("512.34");
		assertThat(widget.rows().get(0).change()).isEqualByComparingTo("1.07");
		assertThat(this.jdbc.sql("SELECT rate FROM exchange_rates WHERE currency = 'KRW'")
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("0.352");
		var status = this.fetches.status(FetchLog.RATES).orElseThrow();
		assertThat(status.lastSuccess()).isEqualTo(NOW);
		assertThat(status.lastError()).isNull();

		// new rates: every edition's pages go at the edge; the same rates again: none
		// pages with the rates filled in, and the rates fragments an ESI edge keeps apart
		assertThat(this.purged).containsExactlyInAnyOrder("widgets-ru", "widgets-kk", "widgets-en", "slot-rates-ru",
				"slot-rates-kk", "slot-rates-en");
		this.purged.clear();
		this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
		assertThat(this.rates.refresh()).contains(4);
		assertThat(this.purged).isEmpty();
	}

	@Test
	void aPastDayIsBackfilledFromTheDatedFeed() throws InterruptedException {
		this.bank.enqueue(ok(RatesFeedTests.fixture("get_rates_26.11.2026.xml")));
		assertThat(this.rates.backfill(LocalDate.of(2026, 11, 26))).contains(4);
		assertThat(this.bank.takeRequest(1, TimeUnit.SECONDS).getPath())
			.isEqualTo("/rss/get_rates.cfm?fdate=26.11.2026");
		this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
		this.rates.refresh();
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM exchange_rates WHERE currency = 'USD'").query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void missingDaysOfTheLastMonthAreFilledInAFewAtATime() throws InterruptedException {
		this.bank.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				// The rates of 26 November, for whichever day was asked
				String day = request.getPath().substring(request.getPath().indexOf("fdate=") + 6);
				return ok(RatesFeedTests.fixture("get_rates_26.11.2026.xml")
					.replace("<date>26.11.2026</date>", "<date>" + day + "</date>"));
			}
		});
		assertThat(this.rates.backfillMissing(30, 5)).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT rate_date FROM exchange_rates WHERE currency = 'USD' ORDER BY rate_date DESC")
			.query(LocalDate.class)
			.list()).containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 24),
					LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 22));
		assertThat(this.bank.takeRequest(1, TimeUnit.SECONDS).getPath())
			.isEqualTo("/rss/get_rates.cfm?fdate=26.11.2026");
		assertThat(this.rates.backfillMissing(30, 5)).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT MIN(rate_date) FROM exchange_rates").query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2026, 11, 17));
	}

	@Test
	void everyBrokenAnswerIsRejectedAndTheLastGoodRatesStay() throws IOException {
		this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
		assertThat(this.rates.refresh()).isPresent();
		String good = this.widgets.rates().toString();

		String feed = RatesFeedTests.fixture("rates_all.xml");
		Map<String, MockResponse> broken = new java.util.LinkedHashMap<>();
		broken.put("HTTP 404 from the service", new MockResponse().setResponseCode(404));
		broken.put("malformed XML", ok("<rss><channel><item><title>USD</title>"));
		broken.put("not XML at all", ok("<html><body>Технические работы</body></html>"));
		broken.put("item 1 has no <description>", ok(feed.replace("<description>512.34</description>", "")));
		broken.put("USD: rate 0 is not positive", ok(feed.replace("512.34", "0")));
		broken.put("USD: price '-512.34' is not a number", ok(feed.replace("512.34", "-512.34")));
		broken.put("USD: 512.34 → 1024.68 is a move of more than 50% in a day", ok(feed.replace("512.34", "1024.68")));
		broken.put("USD: dated 2026-11-28, in the future", ok(feed.replace("27.11.26", "28.11.26")));
		broken.put("malformed XML: DOCTYPE", ok("""
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
				<rss><channel><item><title>&secret;</title></item></channel></rss>"""));
		for (var entry : broken.entrySet()) {
			this.bank.enqueue(entry.getValue());
			assertThat(this.rates.refresh()).as(entry.getKey()).isEmpty();
			String reason = this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason();
			String expected = entry.getKey().equals("not XML at all") ? "unexpected root element <html>"
					: entry.getKey().replace("malformed XML: DOCTYPE", "DOCTYPE");
			assertThat(reason).as(entry.getKey()).contains(expected);
			assertThat(this.widgets.rates().toString()).as("after: " + entry.getKey()).isEqualTo(good);
		}
	}

	@Test
	void serverErrorsAndTimeoutsAreRetriedWithBackoff() throws IOException {
		this.bank.enqueue(new MockResponse().setResponseCode(503));
		this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
		assertThat(this.rates.refresh()).contains(4);
		assertThat(this.bank.getRequestCount()).isEqualTo(2);

		String good = this.widgets.rates().toString();
		for (int i = 0; i < 3; i++) {
			this.bank.enqueue(new MockResponse().setResponseCode(500));
		}
		assertThat(this.rates.refresh()).isEmpty();
		assertThat(this.bank.getRequestCount()).isEqualTo(5);
		assertThat(this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason())
			.isEqualTo("HTTP 500 from the service");

		for (int i = 0; i < 3; i++) {
			this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")).setHeadersDelay(2, TimeUnit.SECONDS));
		}
		assertThat(this.rates.refresh()).isEmpty();
		assertThat(this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason()).startsWith("no answer within");
		assertThat(this.widgets.rates().toString()).isEqualTo(good);

		this.bank.shutdown();
		assertThat(this.rates.refresh()).isEmpty();
		assertThat(this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason()).startsWith("could not connect");
		assertThat(this.widgets.rates().toString()).isEqualTo(good);
	}

	@Test
	void aHugeAnswerIsRefusedUnreadAndTheLastGoodRatesStay() throws IOException {
		this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
		assertThat(this.rates.refresh()).isPresent();
		String good = this.widgets.rates().toString();
		// 3 MB, once with its length announced and once streamed without it
		okio.Buffer huge = new okio.Buffer().writeUtf8("<rss>" + "x".repeat(3 * 1024 * 1024) + "</rss>");
		this.bank.enqueue(new MockResponse().setBody(huge.clone()));
		this.bank.enqueue(new MockResponse().setChunkedBody(huge, 64 * 1024));
		for (int i = 0; i < 2; i++) {
			assertThat(this.rates.refresh()).isEmpty();
			assertThat(this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason())
				.isEqualTo("the answer is larger than 2097152 bytes");
			assertThat(this.widgets.rates().toString()).isEqualTo(good);
		}
	}

	@Test
	void aBodyThatTricklesAndStallsIsGivenUpAtTheDeadline() {
		// Headers at once, then a byte every 200 ms: each read is quick, the whole never
		// ends
		for (int i = 0; i < 3; i++) {
			this.bank.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")).throttleBody(1, 200, TimeUnit.MILLISECONDS));
		}
		long started = System.nanoTime();
		assertThat(this.rates.refresh()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason()).startsWith("no answer within");
	}

	@Test
	void aRedirectIsNotFollowed() throws Exception {
		try (MockWebServer elsewhere = new MockWebServer()) {
			elsewhere.enqueue(ok(RatesFeedTests.fixture("rates_all.xml")));
			this.bank.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/rates")));
			assertThat(this.rates.refresh()).isEmpty();
			assertThat(this.fetches.status(FetchLog.RATES).orElseThrow().lastErrorReason())
				.isEqualTo("HTTP 302 from the service");
			assertThat(elsewhere.getRequestCount()).isZero();
		}
	}

	@Test
	void theRefreshIsDrivenByTheLastAttempt() {
		MovingClock clock = new MovingClock(NOW);
		WidgetRefresh refresh = new WidgetRefresh(this.rates, null,
				new FetchLog(this.jdbc, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
				properties(null), Duration.ofMinutes(5), clock);
		Duration interval = Duration.ofMinutes(30);
		assertThat(refresh.due(FetchLog.RATES, interval)).as("never fetched").isTrue();
		new FetchLog(this.jdbc, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
			.succeeded(FetchLog.RATES);
		assertThat(refresh.due(FetchLog.RATES, interval)).isFalse();
		clock.advance(Duration.ofMinutes(29));
		assertThat(refresh.due(FetchLog.RATES, interval)).isFalse();
		clock.advance(Duration.ofMinutes(1));
		assertThat(refresh.due(FetchLog.RATES, interval)).isTrue();
		new FetchLog(this.jdbc, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
			.failed(FetchLog.RATES, "HTTP 500 from the service");
		clock.advance(Duration.ofMinutes(4));
		assertThat(refresh.due(FetchLog.RATES, interval)).as("retried sooner after a failure").isFalse();
		clock.advance(Duration.ofMinutes(1));
		assertThat(refresh.due(FetchLog.RATES, interval)).isTrue();
	}

	private ExchangeRates ratesFrom(URI url) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		WidgetsProperties properties = properties(url);
		this.fetches = new FetchLog(this.jdbc, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		this.widgets = new StoredWidgets(this.jdbc, properties, clock);
		return new ExchangeRates(this.jdbc, new Upstream(properties), this.fetches, this.transactions, properties,
				clock, this.widgets, this.purged::addAll, this.editions);
	}

	private static WidgetsProperties properties(URI url) {
		Map<String, Object> settings = new HashMap<>(Map.of("rates.currencies", "USD, EUR, RUB", "http.connect-timeout",
				"500ms", "http.read-timeout", "500ms", "http.backoff", "10ms"));
		if (url != null) {
			settings.put("rates.url", url.toString());
		}
		return TestWidgetsProperties.with(settings);
	}

	private static MockResponse ok(String body) {
		return new MockResponse().setResponseCode(200)
			.setHeader("Content-Type", "application/xml; charset=utf-8")
			.setBody(body);
	}

}
