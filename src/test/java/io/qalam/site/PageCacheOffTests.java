package io.qalam.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.PublishedArticles;
import io.qalam.accounts.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the page cache switched off (as the benchmark's uncached run does) every request
 * renders, and is answered as a kept page would be: the same headers, validators and 304
 * answers, widgets filled in.
 */
@QalamTest
@TestPropertySource(properties = "qalam.cache.enabled=false")
class PageCacheOffTests {

	private static final Actor EDITOR = new Actor("cache-off-editor", Role.EDITOR);

	@LocalServerPort
	int port;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	PageCache cache;

	@Autowired
	PublishedArticles published;

	@Test
	void everyRequestRendersAndIsAnsweredLikeAKeptPage() throws Exception {
		WebClient web = new WebClient(this.port);
		String headline = "Rendered each time " + UUID.randomUUID().toString().substring(0, 8);
		long id = this.workflow.createDraft(EDITOR, "en",
				new Draft(headline, "A lead.", "<p>Text.</p>", "economy", List.of(), "", null, null, null));
		int version = this.workflow.publish(EDITOR, id, 0);
		String path = this.published.article("en", this.workflow.find(id).orElseThrow().draft().slug())
			.orElseThrow()
			.path();

		var first = web.get(path);
		var second = web.get(path);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(List.of(first, second)).allSatisfy((page) -> {
			assertThat(page.headers().firstValue("X-Cache")).hasValue("OFF");
			assertThat(page.body()).contains(headline)
				.contains("data-slot=\"rates\"", "data-slot=\"weather\"")
				.doesNotContain("<!--slot:");
			for (String header : List.of("ETag", "Last-Modified", "Cache-Control", "Surrogate-Key",
					"Content-Security-Policy", "X-Content-Type-Options")) {
				assertThat(page.headers().firstValue(header)).as(header).isPresent();
			}
		});
		assertThat(this.cache.get(path)).isNull();
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(second.headers().firstValue("ETag")).hasValue(etag);
		assertThat(web.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);

		HttpResponse<byte[]> head = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.method("HEAD", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Length"))
			.hasValue(Integer.toString(first.body().getBytes(StandardCharsets.UTF_8).length));

		this.workflow.save(EDITOR, id, version, new Draft(headline + " (updated)", "A lead.", "<p>Text.</p>", "economy",
				List.of(), "", null, null, null));
		assertThat(web.get(path).body()).contains(headline + " (updated)");
	}

}
