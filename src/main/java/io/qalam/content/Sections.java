package io.qalam.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The site's sections, named in each edition's language. They are created by the first
 * start's setup, before the site serves (see {@link ContentSetup}), and nothing changes
 * them afterwards, so each edition's list is read once and kept: every public page shows
 * it. Whatever comes to edit sections must clear {@link #known} (on every node).
 */
@Component
public class Sections {

	private final JdbcClient jdbc;

	private final Map<String, List<SectionRef>> known = new ConcurrentHashMap<>();

	Sections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All sections in their navigation order, as {@code edition} names them. */
	public List<SectionRef> all(String edition) {
		List<SectionRef> sections = this.known.get(edition);
		if (sections == null) {
			sections = read(edition);
			// CASE: not set up yet (or an edition without names): asked again next time
			if (!sections.isEmpty()) {
				this.known.put(edition, sections);
			}
		}
		return sections;
	}

	public Optional<SectionRef> find(String edition, String slug) {
		return all(edition).stream().filter((section) -> section.slug().equals(slug)).findFirst();
	}

	/** The section with this id as {@code edition} names it, or null if there is none. */
	SectionRef byId(String edition, long id) {
		for (SectionRef section : all(edition)) {
			if (section.id() == id) {
				return section;
			}
		}
		return null;
	}

	// unmodifiable: the list is shared by every page that asks
	private List<SectionRef> read(String edition) {
		return List.copyOf(this.jdbc.sql("""
				SELECT s.id, s.slug, sn.name FROM sections s
				JOIN section_names sn ON sn.section_id = s.id AND sn.edition = :ed
				ORDER BY s.position""")
			.param("ed", edition)
			.query((rs, n) -> new SectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
			.list());
	}

}
