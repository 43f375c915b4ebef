package io.qalam.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published articles as a search index takes them: plain text and the facts to filter by.
 * An article counts as published here as soon as its status says so, even while an
 * embargo or a future publication time still hides it; {@link Searchable#visibleFrom()}
 * says from when readers may find it, and the index must check that when it searches.
 */
@Component
@Transactional(readOnly = true)
public class SearchableArticles {

	private static final String SELECT = """
			SELECT a.id, a.edition, a.slug, a.headline, a.lead, b.body_html, a.published_at, a.embargo_until,
			       a.version, s.slug AS section_slug
			FROM articles a
			JOIN article_bodies b ON b.article_id = a.id
			JOIN sections s ON s.id = a.section_id
			WHERE a.status = 'PUBLISHED'""";

	private final JdbcClient jdbc;

	private final ArticlePaths paths;

	SearchableArticles(JdbcClient jdbc, ArticlePaths paths) {
		this.jdbc = jdbc;
		this.paths = paths;
	}

	/** The article, if it is published (visible yet or not). */
	public Optional<Searchable> find(long id) {
		return this.jdbc.sql(SELECT + " AND a.id = :id").param("id", id).query(this::row).optional();
	}

	/**
	 * Every published article of an edition, in id order, read in batches so that any
	 * number of articles can be indexed.
	 */
	public void forEach(String edition, int batchSize, Consumer<Searchable> consumer) {
		long after = 0;
		while (true) {
			List<Searchable> batch = this.jdbc
				.sql(SELECT + " AND a.edition = :ed AND a.id > :after ORDER BY a.id LIMIT :limit")
				.param("ed", edition)
				.param("after", after)
				.param("limit", batchSize)
				.query(this::row)
				.list();
			batch.forEach(consumer);
			if (batch.size() < batchSize) {
				return;
			}
			after = batch.get(batch.size() - 1).id();
		}
	}

	/** Id and version of every published article of an edition, to check an index. */
	public void forEachVersion(String edition, Consumer<Version> consumer) {
		this.jdbc.sql("SELECT a.id, a.version FROM articles a WHERE a.status = 'PUBLISHED' AND a.edition = :ed")
			.param("ed", edition)
			.query((rs) -> {
				consumer.accept(new Version(rs.getLong("id"), rs.getInt("version")));
			});
	}

	/** How many published articles an edition has (visible yet or not). */
	public int count(String edition) {
		return this.jdbc.sql("SELECT COUNT(*) FROM articles a WHERE a.status = 'PUBLISHED' AND a.edition = :ed")
			.param("ed", edition)
			.query(Integer.class)
			.single();
	}

	private Searchable row(ResultSet rs, int n) throws SQLException {
		Instant published = PublishedArticles.instant(rs, "published_at");
		Instant visibleFrom = PublishedArticles.visibleFrom(published, PublishedArticles.instant(rs, "embargo_until"));
		String edition = rs.getString("edition");
		return new Searchable(rs.getLong("id"), rs.getInt("version"), edition,
				this.paths.path(edition, published, rs.getString("slug")), rs.getString("headline"),
				rs.getString("lead"), Jsoup.parse(rs.getString("body_html")).text(), rs.getString("section_slug"),
				published, visibleFrom);
	}

	/**
	 * A published article's searchable text and facts.
	 *
	 * @param version changes with every stored change of the article
	 * @param body the body's text without markup
	 * @param visibleFrom from when readers may see it: its publication time, or the end
	 * of its embargo if later
	 */
	public record Searchable(long id, int version, String edition, String path, String headline, String lead,
			String body, String sectionSlug, Instant publishedAt, Instant visibleFrom) {
	}

	/** An article's id and version. */
	public record Version(long id, int version) {
	}

}
