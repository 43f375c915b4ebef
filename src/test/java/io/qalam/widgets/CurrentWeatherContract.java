package io.qalam.widgets;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching the weather of all cities from a stand-in Open-Meteo in one request, and
 * refusing every kind of broken or absurd answer while the stored weather stays.
 */
abstract class CurrentWeatherContract {

	// 11:00 in Almaty (UTC+5) on 27 November 2026
	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	io.qalam.edition.Editions editions;

	private final java.util.List<String> purged = new java.util.concurrent.CopyOnWriteArrayList<>();

	private MockWebServer meteo;

	private CurrentWeather weather;

	private FetchLog fetches;

	private StoredWidgets widgets;

	@BeforeEach
	void start() throws IOException {
		this.jdbc.sql("DELETE FROM weather_now").update();
		this.jdbc.sql("DELETE FROM widget_fetches").update();
		this.meteo = new MockWebServer();
		this.meteo.start();
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		WidgetsProperties properties = TestWidgetsProperties
			.with(Map.of("rates.currencies", "USD", "weather.url", this.meteo.url("/").toString(),
					"http.connect-timeout", "500ms", "http.read-timeout", "500ms", "http.backoff", "10ms"));
		this.fetches = new FetchLog(this.jdbc, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		this.widgets = new StoredWidgets(this.jdbc, properties, clock);
		this.weather = new CurrentWeather(this.jdbc, new Upstream(properties), this.fetches, this.transactions,
				properties, clock, this.widgets, this.purged::addAll, this.editions);
	}

	@AfterEach
	void stop() throws IOException {
		this.meteo.shutdown();
		this.jdbc.sql("DELETE FROM weather_now").update();
		this.jdbc.sql("DELETE FROM widget_fetches").update();
	}

	@Test
	void allCitiesComeInOneRequest() throws InterruptedException {
		assertThat(this.widgets.weather("ru", "almaty").hasData()).isFalse();
		this.meteo.enqueue(ok(answer(null, "")));
		assertThat(this.weather.refresh()).contains(20);
		// an ESI edge's weather fragments go; never the pages (no widgets-{edition} key)
		assertThat(this.purged).containsExactlyInAnyOrder("slot-weather-ru", "slot-weather-kk", "slot-weather-en");
		assertThat(this.meteo.getRequestCount()).isEqualTo(1);
		var request = this.meteo.takeRequest(1, TimeUnit.SECONDS);
		assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1/forecast");
		assertThat(request.getRequestUrl().queryParameter("latitude").split(",")).hasSize(20).startsWith("43.2389");
		assertThat(request.getRequestUrl().queryParameter("longitude").split(",")).hasSize(20);
		assertThat(request.getRequestUrl().queryParameter("current"))
			.isEqualTo("temperature_2m,weather_code,wind_speed_10m");
		assertThat(request.getRequestUrl().queryParameter("timezone")).isEqualTo("auto");

		WeatherWidget almaty = this.widgets.weather("ru", "almaty");
		assertThat(almaty.now().temperatureC()).isEqualByComparingTo("-3.2");
		assertThat(almaty.now().condition()).isEqualTo("snow");
		assertThat(almaty.now().windSpeedKmh()).isEqualByComparingTo("7.9");
		// 11:00 local at UTC+5
		assertThat(almaty.now().observedAt()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
		assertThat(this.widgets.weather("kk", "ekibastuz").now()).isNotNull();
		assertThat(almaty.recent()).isTrue();
	}

	@Test
	void everyBrokenAnswerIsRejectedAndTheLastGoodWeatherStays() {
		this.meteo.enqueue(ok(answer(null, "")));
		assertThat(this.weather.refresh()).isPresent();
		String good = this.widgets.weather("ru", "almaty").toString();

		Map<String, String> broken = new LinkedHashMap<>();
		broken.put("malformed JSON", "[{\"latitude\": 43.2,");
		broken.put("expected weather for 20 cities, the answer has 19", answer("ekibastuz", ""));
		broken.put("expected weather for 20 cities, the answer has 0", "[]");
		broken.put("expected weather for 20 cities, the answer has 1",
				"{\"error\": true, \"reason\": \"Daily API request limit exceeded\"}");
		broken.put("almaty: no \"current\" in the answer", answer("almaty", "{\"utc_offset_seconds\": 18000}"));
		broken.put("almaty: no number for temperature_2m",
				answer("almaty", entry("almaty", "\"cold\"", "71", "7.9", "2026-11-27T11:00")));
		broken.put("almaty: temperature 61.0 °C is outside −60…+60 °C",
				answer("almaty", entry("almaty", "61.0", "0", "7.9", "2026-11-27T11:00")));
		broken.put("astana: temperature -61 °C is outside −60…+60 °C",
				answer("astana", entry("astana", "-61", "0", "7.9", "2026-11-27T11:00")));
		broken.put("almaty: temperature_2m is out of any range",
				answer("almaty", entry("almaty", "1E+10000000", "0", "7.9", "2026-11-27T11:00")));
		broken.put("almaty: weather_code is out of any range",
				answer("almaty", entry("almaty", "1", "1e400", "7.9", "2026-11-27T11:00")));
		broken.put("almaty: weather code 123 is not a WMO code",
				answer("almaty", entry("almaty", "1", "123", "7.9", "2026-11-27T11:00")));
		broken.put("almaty: wind -4 km/h is not possible",
				answer("almaty", entry("almaty", "1", "0", "-4", "2026-11-27T11:00")));
		broken.put("almaty: observed at 2026-11-28T06:00:00Z, in the future",
				answer("almaty", entry("almaty", "1", "0", "4", "2026-11-28T11:00")));
		broken.put("almaty: observation time 'yesterday' is not a time",
				answer("almaty", entry("almaty", "1", "0", "4", "yesterday")));
		for (var entry : broken.entrySet()) {
			this.meteo.enqueue(ok(entry.getValue()));
			assertThat(this.weather.refresh()).as(entry.getKey()).isEmpty();
			assertThat(this.fetches.status(FetchLog.WEATHER).orElseThrow().lastErrorReason()).as(entry.getKey())
				.startsWith(entry.getKey());
			assertThat(this.widgets.weather("ru", "almaty").toString()).as("after: " + entry.getKey()).isEqualTo(good);
		}

		for (int i = 0; i < 3; i++) {
			this.meteo.enqueue(new MockResponse().setResponseCode(502));
		}
		assertThat(this.weather.refresh()).isEmpty();
		assertThat(this.fetches.status(FetchLog.WEATHER).orElseThrow().lastErrorReason())
			.isEqualTo("HTTP 502 from the service");
		assertThat(this.widgets.weather("ru", "almaty").toString()).isEqualTo(good);
	}

	// The answer for all cities, good ones except for {@code city}, whose entry is
	// {@code replacement} ("" leaves the city out)
	private static String answer(String city, String replacement) {
		List<String> entries = new ArrayList<>();
		for (City c : City.ALL) {
			if (!c.key().equals(city)) {
				entries.add(entry(c.key(), "-3.2", "71", "7.9", "2026-11-27T11:00"));
			}
			else if (!replacement.isEmpty()) {
				entries.add(replacement);
			}
		}
		return "[" + String.join(",", entries) + "]";
	}

	private static String entry(String city, String temperature, String code, String wind, String time) {
		return """
				{"latitude": 43.25, "longitude": 76.9, "generationtime_ms": 0.05, "utc_offset_seconds": 18000,
				 "timezone": "Asia/Almaty", "timezone_abbreviation": "+05", "elevation": 800.0,
				 "current_units": {"time": "iso8601", "interval": "seconds", "temperature_2m": "°C",
				   "weather_code": "wmo code", "wind_speed_10m": "km/h"},
				 "current": {"time": "%s", "interval": 900, "temperature_2m": %s, "weather_code": %s,
				   "wind_speed_10m": %s}}""".formatted(time, temperature, code, wind);
	}

	private static MockResponse ok(String body) {
		return new MockResponse().setResponseCode(200)
			.setHeader("Content-Type", "application/json; charset=utf-8")
			.setBody(body);
	}

}
