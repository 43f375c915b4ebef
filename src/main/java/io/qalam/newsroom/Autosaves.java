package io.qalam.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a user typed in the editor but has not saved yet, kept every half minute without
 * creating a revision. Saving the article for real discards it.
 */
@Component
class Autosaves {

	private final JdbcClient jdbc;

	private final Clock clock;

	Autosaves(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Keeps the user's unsaved text; fields are cut to the columns' sizes, never refused.
	 */
	void keep(long articleId, String username, String headline, String lead, String body) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		String h = cut(headline, 300);
		String l = cut(lead, 2000);
		String b = cut(body, 500_000);
		int updated = this.jdbc.sql("""
				UPDATE article_autosaves SET headline = :h, lead = :l, body_html = :b, saved_at = :now
				WHERE article_id = :id AND username = :user""")
			.param("h", h)
			.param("l", l)
			.param("b", b)
			.param("now", now)
			.param("id", articleId)
			.param("user", username)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						INSERT INTO article_autosaves (article_id, username, headline, lead, body_html, saved_at)
						VALUES (:id, :user, :h, :l, :b, :now)""")
					.param("id", articleId)
					.param("user", username)
					.param("h", h)
					.param("l", l)
					.param("b", b)
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// CASE: the same user's other tab autosaved at the same moment; one of
				// them wins
			}
		}
	}

	Optional<Autosave> find(long articleId, String username) {
		return this.jdbc.sql("""
				SELECT headline, lead, body_html, saved_at FROM article_autosaves
				WHERE article_id = :id AND username = :user""")
			.param("id", articleId)
			.param("user", username)
			.query((rs, n) -> new Autosave(rs.getString("headline"), rs.getString("lead"), rs.getString("body_html"),
					rs.getObject("saved_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	void discard(long articleId, String username) {
		this.jdbc.sql("DELETE FROM article_autosaves WHERE article_id = :id AND username = :user")
			.param("id", articleId)
			.param("user", username)
			.update();
	}

	private static String cut(String value, int max) {
		String text = (value != null) ? value : "";
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	/** Unsaved text of one user. */
	record Autosave(String headline, String lead, String body, Instant savedAt) {
	}

}
