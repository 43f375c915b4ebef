package io.qalam.content;

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

	public Optional<TagRef> find(String edition, String slug) {
		return this.jdbc.sql("SELECT id, edition, slug, name FROM tags WHERE edition = :ed AND slug = :slug")
			.param("ed", edition)
			.param("slug", slug)
			.query((rs, n) -> new TagRef(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
					rs.getString("name")))
			.optional();
	}

}
