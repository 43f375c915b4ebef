package io.qalam.widgets.web;

import java.time.Duration;

import io.qalam.edition.Edition;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.PublicChrome;
import io.qalam.platform.web.PublicLayout;
import io.qalam.widgets.WidgetPages;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The weather page: every city's current weather, and a plain form (no JavaScript) to
 * choose the reader's own city, kept in a first-party cookie that holds nothing but the
 * city.
 */
@Controller
class WeatherPageController {

	/** The cookie with the reader's city key. */
	static final String CITY_COOKIE = "qalam_city";

	private final PublicChrome chrome;

	private final WidgetPages widgets;

	WeatherPageController(PublicChrome chrome, WidgetPages widgets) {
		this.chrome = chrome;
		this.widgets = widgets;
	}

	@GetMapping("/{edition:[a-z]{2,3}}/weather")
	String weather(@PathVariable String edition, @RequestParam(required = false) String city,
			@CookieValue(name = CITY_COOKIE, required = false) String saved, HttpServletResponse response,
			Model model) {
		Edition ed = this.chrome.edition(edition);
		Messages m = this.chrome.messages(ed);
		String chosen = this.widgets.isCity(saved) ? saved : null;
		String notice = null;
		String error = null;
		if (city != null) {
			if (this.widgets.isCity(city)) {
				chosen = city;
				notice = m.get("weather.chosen", m.get("city." + city));
				ResponseCookie cookie = ResponseCookie.from(CITY_COOKIE, city)
					.path("/")
					.maxAge(Duration.ofDays(365))
					.sameSite("Lax")
					.build();
				response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
			}
			else {
				error = m.get("weather.unknownCity");
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
		}
		PublicChrome.Page page = this.chrome.page(ed, "/" + ed.code() + "/weather", m.get("weather.page.title"))
			.description(m.get("weather.page.intro"))
			.languages(this.chrome.everyEdition(ed, (e) -> "/" + e.code() + "/weather"));
		if (chosen != null) {
			page.weatherCity(chosen);
		}
		PublicLayout layout = page.build();
		String shown = (chosen != null) ? chosen : this.widgets.defaultCity(ed.code());
		// The page follows the reader's cookie: private to the reader's browser
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofSeconds(60)).cachePrivate().getHeaderValue());
		model.addAttribute("model",
				new WeatherPageModel(layout, shown, this.widgets.allWeather(ed.code()), notice, error));
		return "widgets/weather";
	}

}
