package io.qalam.content;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The site's sections, named in each edition's language. */
@Component
public class Sections {

	private final JdbcClient jdbc;

	Sections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All sections in their navigation order, as {@code edition} names them. */
	public List<SectionRef> all(String edition) {
		return this.jdbc.sql("""
				SELECT s.id, s.slug, sn.name FROM sections s
				JOIN section_names sn ON sn.section_id = s.id AND sn.edition = :ed
				ORDER BY s.position""")
			.param("ed", edition)
			.query((rs, n) -> new SectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
			.list();
	}

	public Optional<SectionRef> find(String edition, String slug) {
		return this.jdbc.sql("""
				SELECT s.id, s.slug, sn.name FROM sections s
				JOIN section_names sn ON sn.section_id = s.id AND sn.edition = :ed
				WHERE s.slug = :slug""")
			.param("ed", edition)
			.param("slug", slug)
			.query((rs, n) -> new SectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
			.optional();
	}

}
