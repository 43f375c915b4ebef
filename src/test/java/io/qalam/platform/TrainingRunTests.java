package io.qalam.platform;

import java.net.URI;
import java.util.List;

import io.qalam.QalamTest;
import io.qalam.analytics.ViewCounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run's reading of the site (the stop after it is {@code PackagedJarIT}'s):
 * the pages readers open, of every kind, and not a single view counted.
 */
@QalamTest
class TrainingRunTests {

	@LocalServerPort
	int port;

	@Autowired
	ViewCounts counts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readsThePagesReadersOpenAndCountsNoView() {
		this.counts.flush();
		long before = views();

		List<String> read = TrainingRun.read(URI.create("http://127.0.0.1:" + this.port));

		assertThat(read).hasSize(TrainingRun.MAX_PAGES).contains("/", "/ru/", "/kk/", "/en/");
		assertThat(read).anyMatch((path) -> path.matches("/ru/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+"))
			.anyMatch((path) -> path.startsWith("/ru/section/"))
			.noneMatch((path) -> path.contains("/views/") || path.startsWith("/newsroom"));
		this.counts.flush();
		assertThat(views()).isEqualTo(before);
	}

	private long views() {
		return this.jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM article_views").query(Long.class).single();
	}

}
