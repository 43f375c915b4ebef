package io.qalam.widgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.qalam.edition.Editions;
import io.qalam.platform.web.EdgeCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Official exchange rates from the National Bank of Kazakhstan, fetched and stored as
 * tenge per one unit, one row per currency and day. A fetch whose answer is broken or
 * absurd — no answer, an HTTP error, malformed XML, missing fields, a rate that is not
 * positive, moves more than half in a day, or is dated in the future — is rejected as a
 * whole and logged with its reason; the stored rates stay as they were.
 */
@Component
class ExchangeRates {

	private static final DateTimeFormatter FEED_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	// The bank's rates are for days in Kazakhstan
	private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

	private static final BigDecimal MAX_DAILY_MOVE = new BigDecimal("0.5");

	private final JdbcClient jdbc;

	private final Upstream upstream;

	private final FetchLog fetches;

	private final TransactionTemplate transactions;

	private final WidgetsProperties properties;

	private final Clock clock;

	private final StoredWidgets widgets;

	private final EdgeCache edge;

	private final Editions editions;

	ExchangeRates(JdbcClient jdbc, Upstream upstream, FetchLog fetches, TransactionTemplate transactions,
			WidgetsProperties properties, Clock clock, StoredWidgets widgets, EdgeCache edge, Editions editions) {
		this.widgets = widgets;
		this.edge = edge;
		this.editions = editions;
		this.jdbc = jdbc;
		this.upstream = upstream;
		this.fetches = fetches;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Fetches today's rates and stores them.
	 * @return how many rates were stored, or empty when the fetch was rejected
	 */
	Optional<Integer> refresh() {
		return fetch(resolve("/rss/rates_all.xml"));
	}

	/**
	 * Fetches the rates of one past day (the dated form of the feed) and stores them.
	 * @return how many rates were stored, or empty when the fetch was rejected
	 */
	Optional<Integer> backfill(LocalDate day) {
		return fetch(resolve("/rss/get_rates.cfm?fdate=" + day.format(FEED_DATE)), day);
	}

	/**
	 * Fills in up to {@code atMost} of the last {@code days} days that have no rates yet
	 * (for the rates page's chart), newest first.
	 * @return how many days were filled in
	 */
	int backfillMissing(int days, int atMost) {
		LocalDate today = LocalDate.now(this.clock.withZone(KAZAKHSTAN));
		List<LocalDate> stored = this.jdbc
			.sql("SELECT DISTINCT rate_date FROM exchange_rates WHERE rate_date >= :since AND rate_date < :today")
			.param("since", today.minusDays(days))
			.param("today", today)
			.query(LocalDate.class)
			.list();
		int filled = 0;
		for (int i = 1; i <= days && filled < atMost; i++) {
			LocalDate day = today.minusDays(i);
			if (!stored.contains(day)) {
				if (backfill(day).isEmpty()) {
					break;
				}
				filled++;
			}
		}
		return filled;
	}

	private Optional<Integer> fetch(URI uri) {
		return fetch(uri, null);
	}

	// asOf: the day asked for in the dated form; the bank answers with the rates in force
	// that day, which it may have set on an earlier working day
	private Optional<Integer> fetch(URI uri, LocalDate asOf) {
		return this.fetches.attempt(FetchLog.RATES, uri, () -> {
			List<RatesFeed.Quote> parsed = RatesFeed.parse(this.upstream.get(uri));
			List<RatesFeed.Quote> quotes = (asOf == null) ? parsed : parsed.stream()
				.map((q) -> q.day().isAfter(asOf) ? q
						: new RatesFeed.Quote(q.currency(), asOf, q.rate(), q.change(), q.fullName(), q.quant()))
				.toList();
			int stored = this.transactions.execute((status) -> {
				boolean changed = store(quotes);
				if (changed) {
					// an edge cache keeps pages with the rates filled in: the day's new
					// rates purge them (the half-hourly weather never does); an edge
					// that assembles pages, the rates fragments alone
					this.edge.purge(this.editions.all()
						.stream()
						.flatMap((e) -> java.util.stream.Stream.of(EdgeCache.widgetsKey(e.code()),
								EdgeCache.slotKey(io.qalam.platform.web.SlotMarkers.Slot.RATES, e.code())))
						.toList());
				}
				return quotes.size();
			});
			this.widgets.ratesChanged();
			return stored;
		});
	}

	// Checks every quote before writing any: against the latest stored rate up to its day
	// (the day before, or the same day fetched earlier). Says whether a stored rate
	// changed
	private boolean store(List<RatesFeed.Quote> quotes) {
		LocalDate today = LocalDate.now(this.clock.withZone(KAZAKHSTAN));
		for (RatesFeed.Quote quote : quotes) {
			if (quote.day().isAfter(today)) {
				throw new FetchRejected(quote.currency() + ": dated " + quote.day() + ", in the future");
			}
			Optional<BigDecimal> previous = this.jdbc.sql("""
					SELECT rate FROM exchange_rates WHERE currency = :currency AND rate_date <= :day
					ORDER BY rate_date DESC FETCH FIRST 1 ROWS ONLY""")
				.param("currency", quote.currency())
				.param("day", quote.day())
				.query(BigDecimal.class)
				.optional();
			if (previous.isPresent()) {
				BigDecimal move = quote.rate()
					.subtract(previous.get())
					.abs()
					.divide(previous.get(), 6, RoundingMode.HALF_UP);
				if (move.compareTo(MAX_DAILY_MOVE) > 0) {
					throw new FetchRejected(
							quote.currency() + ": " + previous.get().stripTrailingZeros().toPlainString() + " → "
									+ quote.rate().stripTrailingZeros().toPlainString()
									+ " is a move of more than 50% in" + " a day");
				}
			}
		}
		boolean changed = false;
		for (RatesFeed.Quote quote : quotes) {
			changed |= this.jdbc
				.sql("SELECT COUNT(*) FROM exchange_rates WHERE currency = :currency AND rate_date = :day"
						+ " AND rate = :rate AND change = :change AND quant = :quant")
				.param("currency", quote.currency())
				.param("day", quote.day())
				.param("rate", quote.rate())
				.param("change", quote.change())
				.param("quant", quote.quant())
				.query(Long.class)
				.single() == 0;
			int updated = this.jdbc
				.sql("UPDATE exchange_rates SET rate = :rate, change = :change, quant = :quant "
						+ "WHERE currency = :currency AND rate_date = :day")
				.param("rate", quote.rate())
				.param("quant", quote.quant())
				.param("change", quote.change())
				.param("currency", quote.currency())
				.param("day", quote.day())
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						INSERT INTO exchange_rates (currency, rate_date, rate, change, quant)
						VALUES (:currency, :day, :rate, :change, :quant)""")
					.param("quant", quote.quant())
					.param("currency", quote.currency())
					.param("day", quote.day())
					.param("rate", quote.rate())
					.param("change", quote.change())
					.update();
			}
		}
		return changed;
	}

	private URI resolve(String pathAndQuery) {
		return Upstream.resolve(this.properties.rates().url(), pathAndQuery);
	}

}
