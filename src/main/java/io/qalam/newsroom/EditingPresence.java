package io.qalam.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who else has an article open in the editor right now. Kept in the database, so that it
 * works whichever node each editor is on.
 */
@Component
class EditingPresence {

	/**
	 * How long an open editor counts without a sign of life (the page reports every 30
	 * s).
	 */
	static final Duration FRESH = Duration.ofSeconds(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	EditingPresence(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that {@code username} has the article open.
	 * @return the display names of the others who have it open
	 */
	List<String> here(long articleId, String username) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		int updated = this.jdbc
			.sql("UPDATE article_presence SET seen_at = :now WHERE article_id = :id AND username = :user")
			.param("now", now)
			.param("id", articleId)
			.param("user", username)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO article_presence (article_id, username, seen_at) VALUES (:id, :user, :now)")
					.param("id", articleId)
					.param("user", username)
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// CASE: the same user's other tab got there first; its row is as fresh
			}
		}
		return this.jdbc.sql("""
				SELECT COALESCE(u.display_name, p.username) FROM article_presence p
				LEFT JOIN users u ON u.username = p.username
				WHERE p.article_id = :id AND p.username <> :user AND p.seen_at > :since
				ORDER BY 1""")
			.param("id", articleId)
			.param("user", username)
			.param("since", now.minus(FRESH))
			.query(String.class)
			.list();
	}

}
