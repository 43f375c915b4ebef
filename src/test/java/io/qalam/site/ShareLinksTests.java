package io.qalam.site;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share links carry the address and headline intact, whatever characters they hold:
 * every parameter decodes back to exactly what went in.
 */
class ShareLinksTests {

	private static final String URL = "https://qalam.example/ru/2026/11/27/kurs-i-pogoda";

	private static final String TITLE = "Курс & погода: 100% «новости» #1? a+b=c";

	@Test
	void everyNetworkGetsTheAddressAndHeadlineEncoded() {
		Map<String, Map<String, String>> links = new LinkedHashMap<>();
		for (ShareLink link : ShareLinks.of(URL, TITLE)) {
			URI uri = URI.create(link.href());
			assertThat(uri.getRawQuery()).as(link.network()).doesNotContain(" ", "+", "#", "«");
			links.put(link.network(), params(uri.getRawQuery()));
		}
		assertThat(links).containsOnlyKeys("telegram", "whatsapp", "facebook", "x", "vk");
		assertThat(links.get("telegram")).containsEntry("url", URL).containsEntry("text", TITLE);
		assertThat(links.get("whatsapp")).containsEntry("text", TITLE + " " + URL);
		assertThat(links.get("facebook")).containsEntry("u", URL);
		assertThat(links.get("x")).containsEntry("url", URL).containsEntry("text", TITLE);
		assertThat(links.get("vk")).containsEntry("url", URL).containsEntry("title", TITLE);
		assertThat(ShareLinks.of(URL, TITLE)).extracting(ShareLink::href)
			.allSatisfy((href) -> assertThat(href).startsWith("https://"));
	}

	@Test
	void theAddressesAreEncodedSoNoTitleCanBreakOutOfTheAttribute() {
		for (ShareLink link : ShareLinks.of(URL, "\"><script>alert('x')</script> & «кавычки»")) {
			assertThat(link.href()).doesNotContain("\"", "<", ">", "'");
		}
	}

	private static Map<String, String> params(String rawQuery) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

}
