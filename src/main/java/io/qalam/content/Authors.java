package io.qalam.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Authors, with their names as each edition spells them. */
@Component
public class Authors {

	private final JdbcClient jdbc;

	Authors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All authors with a name in this edition, by name. */
	public List<AuthorRef> all(String edition) {
		return this.jdbc.sql("""
				SELECT a.id, a.slug, an.edition, an.name, an.bio FROM authors a
				JOIN author_names an ON an.author_id = a.id AND an.edition = :ed ORDER BY an.name""")
			.param("ed", edition)
			.query((rs, n) -> new AuthorRef(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
					rs.getString("name"), rs.getString("bio")))
			.list();
	}

	/** The author with this slug, if the edition has a name for them. */
	public Optional<AuthorRef> find(String edition, String slug) {
		return this.jdbc.sql("""
				SELECT a.id, a.slug, an.edition, an.name, an.bio FROM authors a
				JOIN author_names an ON an.author_id = a.id AND an.edition = :ed
				WHERE a.slug = :slug""")
			.param("ed", edition)
			.param("slug", slug)
			.query((rs, n) -> new AuthorRef(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
					rs.getString("name"), rs.getString("bio")))
			.optional();
	}

}
