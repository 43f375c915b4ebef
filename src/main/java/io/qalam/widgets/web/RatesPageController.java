package io.qalam.widgets.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.qalam.edition.Edition;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.Numbers;
import io.qalam.platform.web.PublicChrome;
import io.qalam.platform.web.PublicLayout;
import io.qalam.widgets.RatesWidget;
import io.qalam.widgets.WeatherWidget;
import io.qalam.widgets.WidgetPages;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rates page: every currency of the latest day with its name in the edition's
 * language, a converter that works as a plain form, and a 30-day chart drawn as SVG on
 * the server (no chart library in the browser).
 */
@Controller
class RatesPageController {

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private static final int CHART_WIDTH = 600;

	private static final int CHART_HEIGHT = 200;

	private static final int CHART_PADDING = 10;

	private final PublicChrome chrome;

	private final WidgetPages widgets;

	RatesPageController(PublicChrome chrome, WidgetPages widgets) {
		this.chrome = chrome;
		this.widgets = widgets;
	}

	@GetMapping("/{edition:[a-z]{2,3}}/rates")
	String rates(@PathVariable String edition, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String chart, HttpServletResponse response, Model model) {
		Edition ed = this.chrome.edition(edition);
		Messages m = this.chrome.messages(ed);
		PublicLayout layout = this.chrome.page(ed, "/" + ed.code() + "/rates", m.get("rates.page.title"))
			.description(m.get("rates.page.intro"))
			.languages(this.chrome.everyEdition(ed, (e) -> "/" + e.code() + "/rates"))
			.build();
		Optional<LocalDate> day = this.widgets.latestDay();
		List<RatesWidget.Rate> rates = day.map(this.widgets::ratesOn).orElse(List.of());
		Numbers numbers = new Numbers(ed.locale());
		List<RatesPageModel.Row> rows = rates.stream()
			.map((r) -> new RatesPageModel.Row(r.currency(), r.label(), name(r.currency(), ed.locale()),
					numbers.decimal(r.quoted(), 2), numbers.signed(r.quotedChange(), 2), r.direction()))
			.toList();
		String wanted = (currency != null) ? currency.strip().toUpperCase(Locale.ROOT) : "USD";
		RatesPageModel.Converter converter = convert(m, numbers, rates, amount, wanted,
				"from".equals(direction) ? "from" : "to");
		if (converter.error() != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		String chartCurrency = known(rates, (chart != null) ? chart.strip().toUpperCase(Locale.ROOT) : null)
			.or(() -> known(rates, wanted))
			.or(() -> rates.stream().findFirst().map(RatesWidget.Rate::currency))
			.orElse("USD");
		RatesPageModel.Chart drawn = chart(chartCurrency, day.orElse(null), layout, numbers);
		response.setHeader(HttpHeaders.CACHE_CONTROL, (amount != null || chart != null)
				? CacheControl.noStore().getHeaderValue() : "public, max-age=60, stale-while-revalidate=300");
		model.addAttribute("model", new RatesPageModel(layout, day.map((d) -> layout.dates().date(d)).orElse(null),
				rows, converter, drawn));
		return "widgets/rates";
	}

	private RatesPageModel.Converter convert(Messages m, Numbers numbers, List<RatesWidget.Rate> rates, String amount,
			String currency, String direction) {
		if (amount == null) {
			return new RatesPageModel.Converter("", currency, direction, null, null);
		}
		String typed = amount.strip();
		Optional<RatesWidget.Rate> rate = rates.stream().filter((r) -> r.currency().equals(currency)).findFirst();
		if (rate.isEmpty()) {
			return new RatesPageModel.Converter(cut(typed), currency, direction, null, m.get("rates.badCurrency"));
		}
		BigDecimal value;
		try {
			value = new BigDecimal(typed.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return new RatesPageModel.Converter(cut(typed), currency, direction, null, m.get("rates.badAmount"));
		}
		if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
			return new RatesPageModel.Converter(cut(typed), currency, direction, null, m.get("rates.badAmount"));
		}
		BigDecimal per = rate.get().rate();
		String result = "to".equals(direction)
				? m.get("rates.result", numbers.decimal(value, 2), currency, numbers.decimal(value.multiply(per), 2),
						"KZT")
				: m.get("rates.result", numbers.decimal(value, 2), "KZT",
						numbers.decimal(value.divide(per, 2, RoundingMode.HALF_UP), 2), currency);
		return new RatesPageModel.Converter(cut(typed), currency, direction, result, null);
	}

	private RatesPageModel.Chart chart(String currency, LocalDate lastDay, PublicLayout layout, Numbers numbers) {
		if (lastDay == null) {
			return new RatesPageModel.Chart(currency, "", "", "", "", "", CHART_WIDTH, CHART_HEIGHT);
		}
		List<WidgetPages.Point> points = this.widgets.history(currency, lastDay.minusDays(29));
		if (points.size() < 2) {
			return new RatesPageModel.Chart(currency, "", "", "", "", "", CHART_WIDTH, CHART_HEIGHT);
		}
		BigDecimal min = points.stream().map(WidgetPages.Point::rate).min(BigDecimal::compareTo).orElseThrow();
		BigDecimal max = points.stream().map(WidgetPages.Point::rate).max(BigDecimal::compareTo).orElseThrow();
		double span = Math.max(max.subtract(min).doubleValue(), 1e-9);
		long days = Math.max(1, points.get(points.size() - 1).day().toEpochDay() - points.get(0).day().toEpochDay());
		List<String> coordinates = new ArrayList<>();
		for (WidgetPages.Point p : points) {
			double x = CHART_PADDING + (CHART_WIDTH - 2.0 * CHART_PADDING)
					* (p.day().toEpochDay() - points.get(0).day().toEpochDay()) / days;
			double y = CHART_PADDING
					+ (CHART_HEIGHT - 2.0 * CHART_PADDING) * (1 - (p.rate().doubleValue() - min.doubleValue()) / span);
			coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
		}
		return new RatesPageModel.Chart(currency, String.join(" ", coordinates), numbers.decimal(min, 2),
				numbers.decimal(max, 2), layout.dates().date(points.get(0).day()),
				layout.dates().date(points.get(points.size() - 1).day()), CHART_WIDTH, CHART_HEIGHT);
	}

	private static Optional<String> known(List<RatesWidget.Rate> rates, String code) {
		return rates.stream().map(RatesWidget.Rate::currency).filter((c) -> c.equals(code)).findFirst();
	}

	// The currency's name from the JDK's CLDR data, in the edition's language
	private static String name(String code, Locale locale) {
		try {
			String name = Currency.getInstance(code).getDisplayName(locale);
			return name.isEmpty() ? code : Character.toUpperCase(name.charAt(0)) + name.substring(1);
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
	}

	private static String cut(String text) {
		return (text.length() > 40) ? text.substring(0, 40) : text;
	}

}
