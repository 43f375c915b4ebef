package io.qalam.widgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rates and weather pages over HTTP: stored values, the converter, the chart, the
 * city.
 */
@QalamTest
class WidgetPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private WebClient web;

	@BeforeEach
	void store() {
		this.web = new WebClient(this.port);
		clean();
		LocalDate day = LocalDate.of(2026, 11, 27);
		for (int i = 0; i < 30; i++) {
			rate("USD", day.minusDays(i), new BigDecimal("512.34").subtract(BigDecimal.valueOf(i)), "1.00");
		}
		rate("EUR", day, new BigDecimal("561.20"), "-0.35");
		// quoted by the bank for 100 won
		rate("KRW", day, new BigDecimal("0.352"), "0.0012", 100);
		this.jdbc
			.sql("INSERT INTO weather_now (city, temperature_c, weather_code, wind_speed_kmh, observed_at) "
					+ "VALUES ('astana', -12.0, 3, 20.0, :at)")
			.param("at", OffsetDateTime.parse("2026-11-27T09:00:00Z"))
			.update();
	}

	@AfterEach
	void clean() {
		this.jdbc.sql("DELETE FROM exchange_rates").update();
		this.jdbc.sql("DELETE FROM weather_now").update();
	}

	@Test
	void theRatesPageListsEveryCurrencyWithItsNameInTheEditionsLanguage() {
		Document ru = this.web.page("/ru/rates");
		// as the edition writes numbers, with a real minus, and 100 won as the bank
		// quotes
		// them (Jsoup reads a no-break space as a space)
		assertThat(ru.select(".data-table tbody tr")).extracting((r) -> r.text())
			.containsExactly("EUR Евро 561,20 ↓ \u22120,35", "100 KRW Южнокорейская вона 35,20 ↑ +0,12",
					"USD Доллар США 512,34 ↑ +1,00");
		assertThat(ru.selectFirst(".data-table caption").text()).contains("27 ноября 2026");
		Document en = this.web.page("/en/rates");
		assertThat(en.select(".data-table tbody th + td").eachText()).contains("US Dollar");
		Document kk = this.web.page("/kk/rates");
		assertThat(kk.select(".data-table tbody th + td").eachText()).doesNotContain("USD", "EUR");
	}

	@Test
	void theConverterWorksAsAPlainForm() {
		Document to = Jsoup.parse(this.web.get("/en/rates?amount=100&currency=USD&direction=to").body());
		assertThat(to.selectFirst(".converter-result").text()).isEqualTo("100.00 USD = 51,234.00 KZT");
		Document from = Jsoup.parse(this.web.get("/en/rates?amount=51%20234&currency=USD&direction=from").body());
		assertThat(from.selectFirst(".converter-result").text()).isEqualTo("51,234.00 KZT = 100.00 USD");
		Document comma = Jsoup.parse(this.web.get("/ru/rates?amount=2,5&currency=EUR&direction=to").body());
		assertThat(comma.selectFirst(".converter-result").text()).isEqualTo("2,50 EUR = 1 403,00 KZT");

		var bad = this.web.get("/en/rates?amount=lots&currency=USD");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).selectFirst(".form-error").text())
			.isEqualTo("Enter an amount from 0 to 1 000 000 000 000.");
		assertThat(Jsoup.parse(bad.body()).selectFirst("#rates-amount").attr("value")).isEqualTo("lots");
		assertThat(this.web.get("/en/rates?amount=-5&currency=USD").statusCode()).isEqualTo(400);
		assertThat(this.web.get("/en/rates?amount=1e400&currency=USD").statusCode()).isEqualTo(400);
		var unknown = this.web.get("/en/rates?amount=5&currency=XAU%3Cscript%3E");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).doesNotContain("<script>");
	}

	@Test
	void theChartIsDrawnOnTheServer() {
		Document page = this.web.page("/en/rates?chart=USD");
		var line = page.selectFirst("svg.rates-chart polyline");
		assertThat(line.attr("points").split(" ")).hasSize(30);
		assertThat(page.selectFirst("svg.rates-chart").text()).contains("max 512.34", "min 483.34");
		assertThat(this.web.page("/en/rates?chart=EUR").selectFirst(".rates-page .widget-empty").text())
			.isEqualTo("Not enough days stored for a chart yet.");
	}

	@Test
	void theReaderChoosesACityWithAPlainForm() {
		Document all = this.web.page("/en/weather");
		assertThat(all.select(".data-table tbody tr")).hasSize(20);
		assertThat(all.selectFirst(".data-table tbody tr.chosen th").text()).isEqualTo("Almaty");

		var chosen = this.web.get("/en/weather?city=astana");
		assertThat(chosen.statusCode()).isEqualTo(200);
		String cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("qalam_city=astana;").contains("Path=/", "SameSite=Lax", "Max-Age=31536000");
		Document page = Jsoup.parse(chosen.body());
		assertThat(page.selectFirst(".form-notice").text()).isEqualTo("Astana is now your city.");
		assertThat(page.selectFirst("aside .weather-city").text()).isEqualTo("Astana");
		assertThat(page.selectFirst("aside .weather-temp").text()).isEqualTo("−12 °C"); // Jsoup
																						// reads
																						// the
																						// no-break
																						// space
																						// as
																						// a
																						// space

		Document remembered = Jsoup.parse(this.web.get("/ru/weather", "Cookie", "qalam_city=astana").body());
		assertThat(remembered.selectFirst(".data-table tbody tr.chosen th").text()).isEqualTo("Астана");

		var unknown = this.web.get("/en/weather?city=london");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(Jsoup.parse(unknown.body()).selectFirst(".form-error").text())
			.isEqualTo("There is no such city in the list.");
		assertThat(this.web.get("/en/weather", "Cookie", "qalam_city=%3Cscript%3E").statusCode()).isEqualTo(200);
	}

	@Test
	void oneCitysWidgetIsServedAloneForTheSidebarScript() {
		var fragment = this.web.get("/kk/widgets/weather/astana");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=60");
		Document html = Jsoup.parseBodyFragment(fragment.body());
		assertThat(html.selectFirst("[data-slot=weather]").attr("data-city")).isEqualTo("astana");
		assertThat(html.selectFirst(".weather-city").text()).isEqualTo("Астана");
		assertThat(html.selectFirst(".weather-temp").text()).isEqualTo("−12 °C"); // Jsoup
																					// reads
																					// the
																					// no-break
																					// space
																					// as
																					// a
																					// space
		assertThat(this.web.get("/kk/widgets/weather/london").statusCode()).isEqualTo(404);
		assertThat(this.web.get("/xx/widgets/weather/astana").statusCode()).isEqualTo(404);
	}

	private void rate(String currency, LocalDate day, BigDecimal rate, String change) {
		rate(currency, day, rate, change, 1);
	}

	private void rate(String currency, LocalDate day, BigDecimal rate, String change, int quant) {
		this.jdbc
			.sql("INSERT INTO exchange_rates (currency, rate_date, rate, change, quant) VALUES (:c, :d, :r, :ch, :q)")
			.param("q", quant)
			.param("c", currency)
			.param("d", day)
			.param("r", rate)
			.param("ch", new BigDecimal(change))
			.update();
	}

}
