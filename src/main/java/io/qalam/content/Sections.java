package io.qalam.content;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.qalam.platform.AfterCommit;
import io.qalam.platform.ClusterSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The site's sections, named in each edition's language. They are created by the first
 * start's setup, before the site serves (see {@link ContentSetup}), and rarely change
 * afterwards, so each edition's list is read once and kept: every public page shows it.
 * Whatever adds or edits sections clears {@link #known} on every node, as
 * {@link #findOrCreate} does.
 */
@Component
public class Sections {

	private final JdbcClient jdbc;

	private static final String CHANNEL = "qalam_sections";

	private final Map<String, List<SectionRef>> known = new ConcurrentHashMap<>();

	private final ClusterSignals signals;

	Sections(JdbcClient jdbc, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.signals = signals;
		signals.on(CHANNEL, (message) -> this.known.clear(), this.known::clear);
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

	/**
	 * The section at {@code slug}, or a new one at the end of the list named {@code name}
	 * in each of {@code editions} (an archive's categories). Every node reads its lists
	 * again after the commit.
	 * @return its id
	 */
	long findOrCreate(String slug, String name, Collection<String> editions) {
		Optional<Long> found = this.jdbc.sql("SELECT id FROM sections WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
		if (found.isPresent()) {
			return found.get();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO sections (slug, position) SELECT :slug, COALESCE(MAX(position), -1) + 1 FROM sections")
			.param("slug", slug)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (String edition : editions) {
			this.jdbc.sql("INSERT INTO section_names (section_id, edition, name) VALUES (:id, :ed, :name)")
				.param("id", id)
				.param("ed", edition)
				.param("name", name)
				.update();
		}
		this.signals.send(CHANNEL, "changed");
		AfterCommit.run(this.known::clear);
		return id;
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
