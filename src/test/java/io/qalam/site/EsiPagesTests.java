package io.qalam.site;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages for an edge that assembles them (ESI): asked with
 * {@code Surrogate-Capability: varnish="ESI/1.0"}, a page carries an
 * {@code <esi:include>} for each widget slot and no {@code widgets-} key, and is kept
 * apart from the same page filled in; each slot's fragment has an address of its own with
 * its own key.
 */
@QalamTest
class EsiPagesTests {

	private static final String[] ESI = { "Surrogate-Capability", "varnish=\"ESI/1.0\"" };

	@LocalServerPort
	int port;

	private WebClient web;

	@BeforeEach
	void client() {
		this.web = new WebClient(this.port);
	}

	@Test
	void anEdgeThatAssemblesPagesGetsIncludesForTheSlots() {
		for (String path : List.of("/ru/", "/kk/section/kazakhstan", "/en/2026/12/07/")) {
			HttpResponse<String> esi = this.web.get(path, ESI);
			assertThat(esi.statusCode()).as(path).isEqualTo(200);
			assertThat(esi.headers().firstValue("Surrogate-Control")).as(path).hasValue("content=\"ESI/1.0\"");
			String edition = path.substring(1, 3);
			List<String> keys = Arrays.asList(esi.headers().firstValue("Surrogate-Key").orElseThrow().split(" "));
			assertThat(keys).as(path).contains("edition-" + edition).doesNotContain("widgets-" + edition);
			assertThat(esi.body()).as(path)
				.contains("<esi:include src=\"/" + edition + "/widgets/rates\"/>",
						"<esi:include src=\"/" + edition + "/widgets/weather\"/>",
						"<esi:include src=\"/" + edition + "/widgets/most-read\"/>",
						"<esi:include src=\"/" + edition + "/widgets/breaking\"/>",
						"<esi:include src=\"/" + edition + "/widgets/date\"/>");

			// the same page for a reader: filled in, with the key an edge without ESI
			// purges by
			HttpResponse<String> filled = this.web.get(path);
			assertThat(filled.body()).as(path).doesNotContain("esi:include").contains("data-slot=\"weather\"");
			assertThat(filled.headers().firstValue("Surrogate-Control")).as(path).isEmpty();
			assertThat(filled.headers().firstValue("Surrogate-Key").orElseThrow()).as(path)
				.contains("widgets-" + edition);

			// both kept, each as itself
			HttpResponse<String> again = this.web.get(path, ESI);
			assertThat(again.headers().firstValue("X-Cache")).as(path).hasValue("HIT");
			assertThat(again.body()).as(path).isEqualTo(esi.body());
			HttpResponse<String> filledAgain = this.web.get(path);
			assertThat(filledAgain.headers().firstValue("X-Cache")).as(path).hasValue("HIT");
			assertThat(filledAgain.body()).as(path).isEqualTo(filled.body());
		}
	}

	@Test
	void eachSlotsFragmentHasItsOwnAddressAndKey() {
		HttpResponse<String> rates = this.web.get("/kk/widgets/rates");
		assertThat(rates.statusCode()).isEqualTo(200);
		assertThat(rates.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(rates.headers().firstValue("Surrogate-Key")).hasValue("slot-rates-kk edition-kk");
		assertThat(rates.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=60");
		// what a reader's page has in its slot, without the page around it
		Document page = this.web.page("/kk/");
		assertThat(Jsoup.parseBodyFragment(rates.body()).selectFirst("[data-slot=rates]").outerHtml())
			.isEqualTo(page.selectFirst("[data-slot=rates]").outerHtml());
		assertThat(rates.body()).doesNotContain("<html", "<!--slot");

		HttpResponse<String> weather = this.web.get("/ru/widgets/weather/astana");
		assertThat(weather.statusCode()).isEqualTo(200);
		assertThat(weather.headers().firstValue("Surrogate-Key")).hasValue("slot-weather-ru edition-ru");
		assertThat(Jsoup.parseBodyFragment(weather.body()).selectFirst("[data-slot=weather]").attr("data-city"))
			.isEqualTo("astana");
		assertThat(this.web.get("/en/widgets/most-read").statusCode()).isEqualTo(200);
		assertThat(this.web.get("/en/widgets/date").body()).contains("<time");
		// the banner's slot is empty while none is set, and still a fragment
		assertThat(this.web.get("/en/widgets/breaking").statusCode()).isEqualTo(200);
		// never kept by the page cache: the fragments are in memory already
		assertThat(this.web.get("/kk/widgets/rates").headers().firstValue("X-Cache")).isEmpty();

		for (String unknown : List.of("/kk/widgets/nothing", "/xx/widgets/rates", "/ru/widgets/weather/london",
				"/ru/widgets/rates/astana", "/ru/widgets/most-read/x")) {
			assertThat(this.web.get(unknown).statusCode()).as(unknown).isEqualTo(404);
		}
	}

}
