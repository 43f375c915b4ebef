package io.qalam.widgets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Reading the National Bank's two feed forms, and refusing what is not one. */
class RatesFeedTests {

	@Test
	void theDailyFeedGivesRatesPerOneUnit() {
		var quotes = RatesFeed.parse(fixture("rates_all.xml"));
		assertThat(quotes).extracting(RatesFeed.Quote::currency).containsExactly("USD", "EUR", "RUB", "KRW");
		var usd = quotes.get(0);
		assertThat(usd.day()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(usd.rate()).isEqualByComparingTo("512.34");
		assertThat(usd.change()).isEqualByComparingTo("1.07");
		assertThat(quotes.get(1).change()).isEqualByComparingTo("-0.35");
		assertThat(quotes.get(2).change()).isEqualByComparingTo(BigDecimal.ZERO);
		// Quoted per 100 won
		var krw = quotes.get(3);
		assertThat(krw.rate()).isEqualByComparingTo("0.352");
		assertThat(krw.change()).isEqualByComparingTo("0.0012");
	}

	@Test
	void theDatedFeedGivesItsOneDateAndFullNames() {
		var quotes = RatesFeed.parse(fixture("get_rates_26.11.2026.xml"));
		assertThat(quotes).allSatisfy((q) -> assertThat(q.day()).isEqualTo(LocalDate.of(2026, 11, 26)));
		assertThat(quotes.get(0).fullName()).isEqualTo("ДОЛЛАР США");
		assertThat(quotes.get(3).rate()).isEqualByComparingTo("0.3508");
	}

	@Test
	void bothDateFormsAreRead() {
		assertThat(RatesFeed.day("05.01.26")).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(RatesFeed.day("05.01.2026")).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThatExceptionOfType(FetchRejected.class).isThrownBy(() -> RatesFeed.day("2026-01-05"))
			.withMessage("date '2026-01-05' is neither DD.MM.YY nor DD.MM.YYYY");
	}

	@Test
	void anExternalEntityIsNeverResolved() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
				<rss><channel><item><title>&secret;</title><pubDate>27.11.26</pubDate>
				<description>1</description><quant>1</quant><index/><change>0</change></item></channel></rss>""";
		assertThatExceptionOfType(FetchRejected.class).isThrownBy(() -> RatesFeed.parse(xxe))
			.withMessageStartingWith("malformed XML")
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void entityExpansionIsRefused() {
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
				<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
				<rss><channel><item><title>&c;</title></item></channel></rss>""";
		assertThatExceptionOfType(FetchRejected.class).isThrownBy(() -> RatesFeed.parse(laughs))
			.withMessageStartingWith("malformed XML");
	}

	@Test
	void missingOrWrongFieldsRejectTheFeed() {
		assertRejected("<rss><channel></channel></rss>", "the feed has no rates");
		assertRejected(item("<title>USD</title><pubDate>27.11.26</pubDate><quant>1</quant><change>0</change>"),
				"item 1 has no <description>");
		assertRejected(item("<title>USD</title><pubDate>27.11.26</pubDate><description>-5</description>"
				+ "<quant>1</quant><change>0</change>"), "USD: price '-5' is not a number");
		assertRejected(item("<title>USD</title><pubDate>27.11.26</pubDate><description>0</description>"
				+ "<quant>1</quant><change>0</change>"), "USD: rate 0 is not positive");
		assertRejected(item("<title>USD</title><pubDate>27.11.26</pubDate><description>five</description>"
				+ "<quant>1</quant><change>0</change>"), "USD: price 'five' is not a number");
		assertRejected(item("<title>USD</title><pubDate>27.11.26</pubDate><description>5</description>"
				+ "<quant>0</quant><change>0</change>"), "USD: quantity 0 is not positive");
		assertRejected(item("<title>Dollar</title><pubDate>27.11.26</pubDate><description>5</description>"
				+ "<quant>1</quant><change>0</change>"), "item 1: 'Dollar' is not a currency code");
		assertRejected(
				item("<title>USD</title><pubDate>27.11.26</pubDate><description>5</description>"
						+ "<quant>1</quant><index>SIDEWAYS</index><change>0</change>"),
				"is neither UP, DOWN nor empty");
		assertRejected("<html><body>Maintenance</body></html>", "unexpected root element <html>");
		assertRejected("{\"rates\": []}", "malformed XML");
		assertRejected("<rss><channel><item><title>USD", "malformed XML");
	}

	@Test
	void numbersAreRefusedByTheirFormBeforeAnyArithmetic() {
		// A huge exponent once kept two threads busy for minutes while the rate was
		// divided
		// and quoted; its form alone refuses it now, at once
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			assertRejected(quote("1E+10000000", "1", "+0.5"), "USD: price '1E+10000000' is not a number");
			assertRejected(quote("1E+100000", "1", "+0.5"), "USD: price '1E+100000' is not a number");
			assertRejected(quote("512.34", "1", "+1E+11"), "USD: change '1E+11' is not a number");
			assertRejected(quote("512.34", "1", "1e3"), "USD: change '1e3' is not a number");
			assertRejected(quote("5123456789.5", "1", "0"), "USD: price '5123456789.5' is not a number");
			assertRejected(quote("512.3456789", "1", "0"), "USD: price '512.3456789' is not a number");
			assertRejected(quote("512.34", "10000000", "0"), "USD: quantity '10000000' is not a whole number");
		});
	}

	@Test
	void aChangeLargerThanTheRateIsRefused() {
		assertRejected(quote("512.34", "1", "+999999999"), "USD: a change of 999999999 on a rate of 512.34");
		assertRejected(quote("512.34", "1", "-600"), "USD: a change of -600 on a rate of 512.34");
		assertThat(RatesFeed.parse(quote("512.34", "1", "-12.5")).get(0).change()).isEqualByComparingTo("-12.5");
		assertThat(RatesFeed.parse(quote("35.08", "100", "+0.12")).get(0).change()).isEqualByComparingTo("0.0012");
		// kept, so that pages show the rate as the bank quotes it
		assertThat(RatesFeed.parse(quote("35.08", "100", "+0.12")).get(0).quant()).isEqualTo(100);
	}

	private static String quote(String price, String quant, String change) {
		return item("<title>USD</title><pubDate>27.11.26</pubDate><description>" + price + "</description><quant>"
				+ quant + "</quant><index>UP</index><change>" + change + "</change>");
	}

	private static String item(String fields) {
		return "<rss><channel><item>" + fields + "</item></channel></rss>";
	}

	private static void assertRejected(String xml, String reason) {
		assertThatExceptionOfType(FetchRejected.class).isThrownBy(() -> RatesFeed.parse(xml))
			.withMessageContaining(reason);
	}

	static String fixture(String name) {
		try (InputStream in = RatesFeedTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
