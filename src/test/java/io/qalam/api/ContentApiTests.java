package io.qalam.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.content.ArticleBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content API over HTTP on the demo content: every endpoint's answer, a list paged to
 * its end by cursor, ETags and 304s, a publication in the next answer, refusals as JSON,
 * and the OpenAPI description.
 */
@QalamTest
class ContentApiTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	WebClient web;

	@BeforeEach
	void client() {
		this.web = new WebClient(this.port);
	}

	private JsonNode json(String path) {
		HttpResponse<String> answer = this.web.get(path);
		assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		return JSON.readTree(answer.body());
	}

	@Test
	void editionsSectionsTagsAndAuthors() {
		assertThat(json("/api/v1/editions").findValuesAsString("code")).containsExactly("ru", "kk", "en");
		assertThat(json("/api/v1/kk/sections").findValuesAsString("slug")).contains("kazakhstan", "world");
		assertThat(json("/api/v1/ru/sections").findValuesAsString("name")).contains("Казахстан");
		assertThat(json("/api/v1/ru/tags?limit=5").size()).isBetween(1, 5);
		assertThat(json("/api/v1/authors").size()).isPositive();
		HttpResponse<String> unknown = this.web.get("/api/v1/de/sections");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).get("error").asString()).isEqualTo("no such edition");
	}

	@Test
	void aListPagesToItsEndByCursorNewestFirst() {
		long published = this.jdbc
			.sql("SELECT COUNT(*) FROM articles WHERE edition = 'en' AND status = 'PUBLISHED' AND published_at <= :now")
			.param("now", java.time.OffsetDateTime.now())
			.query(Long.class)
			.single();
		List<Long> ids = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		String next = "";
		for (int slices = 0; next != null && slices < 100; slices++) {
			JsonNode slice = json("/api/v1/en/articles?limit=4" + (next.isEmpty() ? "" : "&cursor=" + next));
			assertThat(slice.get("items").size()).isLessThanOrEqualTo(4);
			for (JsonNode item : slice.get("items")) {
				ids.add(item.get("id").asLong());
				times.add(Instant.parse(item.get("publishedAt").asString()));
				assertThat(item.get("path").asString()).startsWith("/en/");
			}
			next = slice.get("next").isNull() ? null : slice.get("next").asString();
		}
		assertThat(next).isNull();
		assertThat(ids).hasSize((int) published).doesNotHaveDuplicates();
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		HttpResponse<String> bad = this.web.get("/api/v1/en/articles?cursor=not-a-cursor!");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(this.web.get("/api/v1/en/articles?since=yesterday").statusCode()).isEqualTo(400);
		assertThat(this.web.get("/api/v1/en/articles?section=no-such").statusCode()).isEqualTo(404);
		JsonNode inSection = json("/api/v1/en/articles?section=economy&limit=50");
		assertThat(inSection.findValuesAsString("slug")).isNotEmpty().allMatch("economy"::equals);
		JsonNode future = json("/api/v1/en/articles?since=2999-01-01T00:00:00Z");
		assertThat(future.get("items").size()).isZero();
	}

	@Test
	void anArticleByNumberAndByAddress() {
		JsonNode first = json("/api/v1/ru/articles?limit=1").get("items").get(0);
		JsonNode byId = json("/api/v1/articles/" + first.get("id").asLong());
		assertThat(byId.get("headline").asString()).isEqualTo(first.get("headline").asString());
		assertThat(byId.get("bodyHtml").asString()).contains("<p>").doesNotContain("<script");
		assertThat(byId.get("section").get("slug").asString()).isNotBlank();
		JsonNode byPath = json("/api/v1/article?path=" + first.get("path").asString());
		assertThat(byPath.get("id").asLong()).isEqualTo(first.get("id").asLong());
		assertThat(this.web.get("/api/v1/articles/999999999").statusCode()).isEqualTo(404);
		assertThat(this.web.get("/api/v1/article?path=/ru/section/kazakhstan").statusCode()).isEqualTo(400);
	}

	@Test
	void etagsGive304AndAPublicationShowsInTheNextAnswer() {
		String path = "/api/v1/kk/articles?limit=3";
		HttpResponse<String> first = this.web.get(path);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public")
			.contains("s-maxage=60");
		assertThat(this.web.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);

		var created = ArticleBuilder.article(this.context)
			.in("kk")
			.publishedAt(this.context.getBean(java.time.Clock.class).instant().minusSeconds(1))
			.create();
		HttpResponse<String> after = this.web.get(path, "If-None-Match", etag);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(after.body()).get("items").get(0).get("id").asLong()).isEqualTo(created.id());
	}

	@Test
	void searchAndMostRead() throws InterruptedException {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
		JsonNode found = json("/api/v1/ru/search?q=Алматы");
		while (found.get("total").asLong() == 0 && Instant.now().isBefore(giveUp)) {
			Thread.sleep(100);
			found = json("/api/v1/ru/search?q=Алматы");
		}
		assertThat(found.get("total").asLong()).isPositive();
		assertThat(found.get("hits").get(0).get("path").asString()).startsWith("/ru/");
		assertThat(this.web.get("/api/v1/ru/search?q=").statusCode()).isEqualTo(400);
		assertThat(json("/api/v1/ru/most-read").isArray()).isTrue();
	}

	@Test
	void theOpenApiDescriptionNamesEveryEndpointAndNothingElse() {
		JsonNode description = json("/v3/api-docs");
		assertThat(description.get("openapi").asString()).startsWith("3.");
		Set<String> paths = new HashSet<>(description.get("paths").propertyNames());
		assertThat(paths).contains("/api/v1/editions", "/api/v1/{edition}/sections", "/api/v1/{edition}/tags",
				"/api/v1/authors", "/api/v1/{edition}/articles", "/api/v1/articles/{id}", "/api/v1/article",
				"/api/v1/{edition}/search", "/api/v1/{edition}/most-read");
		assertThat(paths).allMatch((p) -> p.startsWith("/api/v1/"));
		HttpResponse<String> tryIt = this.web.get("/swagger-ui/index.html");
		assertThat(tryIt.statusCode()).isEqualTo(200);
		assertThat(tryIt.body()).contains("swagger-ui");
	}

}
