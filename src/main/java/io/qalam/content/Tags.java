package io.qalam.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tags, each belonging to one edition. */
@Component
public class Tags {

	private final JdbcClient jdbc;

	Tags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The edition's most used tags, most used first: suggestions for the editor. */
	public List<String> popular(String edition, int limit) {
		return this.jdbc.sql("""
				SELECT t.name FROM tags t LEFT JOIN article_tags atg ON atg.tag_id = t.id
				WHERE t.edition = :ed GROUP BY t.id, t.name ORDER BY COUNT(atg.article_id) DESC, t.name
				LIMIT :limit""").param("ed", edition).param("limit", limit).query(String.class).list();
	}

	public Optional<TagRef> find(String edition, String slug) {
		return this.jdbc.sql("SELECT id, edition, slug, name FROM tags WHERE edition = :ed AND slug = :slug")
			.param("ed", edition)
			.param("slug", slug)
			.query((rs, n) -> new TagRef(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
					rs.getString("name")))
			.optional();
	}

}
