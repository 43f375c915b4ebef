package io.qalam.content;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.qalam.media.MediaLibrary;
import io.qalam.platform.PlainText;
import io.qalam.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Authors, with their names as each edition spells them. */
@Component
public class Authors {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final JdbcClient jdbc;

	private final MediaLibrary media;

	private final ApplicationEventPublisher events;

	Authors(JdbcClient jdbc, MediaLibrary media, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.media = media;
		this.events = events;
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

	/** The author's photo, if one was chosen. */
	public Optional<Long> photo(long authorId) {
		return this.jdbc.sql("SELECT photo_image_id FROM authors WHERE id = :id AND photo_image_id IS NOT NULL")
			.param("id", authorId)
			.query(Long.class)
			.optional();
	}

	/** Every author with every edition's name, by address. */
	public List<AuthorProfile> profiles() {
		return profiles(null);
	}

	public Optional<AuthorProfile> profile(String slug) {
		return profiles(slug).stream().findFirst();
	}

	// all authors, or the one at that address
	private List<AuthorProfile> profiles(String slug) {
		Map<Long, AuthorProfile> found = new LinkedHashMap<>();
		Map<Long, Map<String, AuthorProfile.Name>> names = new HashMap<>();
		var query = this.jdbc.sql("SELECT a.id, a.slug, a.photo_image_id, an.edition, an.name, an.bio FROM authors a "
				+ "LEFT JOIN author_names an ON an.author_id = a.id " + ((slug != null) ? "WHERE a.slug = :slug " : "")
				+ "ORDER BY a.slug, an.edition");
		if (slug != null) {
			query = query.param("slug", slug);
		}
		query.query((ResultSet rs) -> {
			long id = rs.getLong(1);
			found.putIfAbsent(id, new AuthorProfile(id, rs.getString(2), Map.of(), rs.getObject(3, Long.class)));
			if (rs.getString(4) != null) {
				names.computeIfAbsent(id, (k) -> new HashMap<>())
					.put(rs.getString(4), new AuthorProfile.Name(rs.getString(5), rs.getString(6)));
			}
		});
		return found.values()
			.stream()
			.map((p) -> new AuthorProfile(p.id(), p.slug(), names.getOrDefault(p.id(), Map.of()), p.photoId()))
			.toList();
	}

	/**
	 * Creates the author at {@code slug}, or changes them: their names and biographies
	 * (an edition left out, or with an empty name, no longer names them) and photo.
	 * @param editions the codes of the editions that may name an author
	 * @throws WorkflowException.Invalid naming each field that is not accepted; nothing
	 * is changed then
	 */
	@Transactional
	public AuthorProfile save(String slug, Map<String, AuthorProfile.Name> names, Long photoId,
			Collection<String> editions) {
		Map<String, Text> errors = new LinkedHashMap<>();
		String address = (slug != null) ? slug.strip() : "";
		if (!SLUG.matcher(address).matches() || address.length() > 80) {
			errors.put("slug", Text.of("authors.badSlug"));
		}
		Map<String, AuthorProfile.Name> kept = new LinkedHashMap<>();
		names.forEach((edition, typed) -> {
			if (!editions.contains(edition)) {
				errors.put("name-" + edition, Text.of("authors.unknownEdition", edition));
				return;
			}
			String name = PlainText.clean((typed.name() != null) ? typed.name() : "").strip();
			String bio = PlainText.clean((typed.bio() != null) ? typed.bio() : "").strip();
			if (name.length() > 128) {
				errors.put("name-" + edition, Text.of("authors.nameTooLong", 128));
			}
			if (bio.length() > 1000) {
				errors.put("bio-" + edition, Text.of("authors.bioTooLong", 1000));
			}
			if (name.isEmpty() && !bio.isEmpty()) {
				errors.put("name-" + edition, Text.of("authors.bioWithoutName"));
			}
			if (!name.isEmpty()) {
				kept.put(edition, new AuthorProfile.Name(name, bio));
			}
		});
		if (kept.isEmpty() && errors.isEmpty()) {
			errors.put("names", Text.of("authors.noName"));
		}
		if (photoId != null && this.media.find(photoId).isEmpty()) {
			errors.put("photo", Text.of("media.noSuchImage", Long.toString(photoId)));
		}
		Optional<AuthorProfile> existing = profile(address);
		// CASE: an edition's name taken away while that edition's articles byline them:
		// the bylines would go quietly
		existing.ifPresent(
				(before) -> before.names().keySet().stream().filter((ed) -> !kept.containsKey(ed)).forEach((ed) -> {
					long bylined = this.jdbc
						.sql("SELECT COUNT(*) FROM article_authors aa JOIN articles a ON a.id = aa.article_id "
								+ "WHERE aa.author_id = :id AND a.edition = :ed")
						.param("id", before.id())
						.param("ed", ed)
						.query(Long.class)
						.single();
					if (bylined > 0) {
						errors.put("name-" + ed, Text.of("authors.stillBylined", bylined));
					}
				}));
		if (!errors.isEmpty()) {
			throw new WorkflowException.Invalid(Text.of("authors.notSaved"), errors);
		}
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			this.jdbc.sql("UPDATE authors SET photo_image_id = :photo WHERE id = :id")
				.param("photo", photoId)
				.param("id", id)
				.update();
			this.jdbc.sql("DELETE FROM author_names WHERE author_id = :id").param("id", id).update();
		}
		else {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("INSERT INTO authors (slug, photo_image_id) VALUES (:slug, :photo)")
				.param("slug", address)
				.param("photo", photoId)
				.update(keys, "id");
			id = keys.getKey().longValue();
		}
		for (var name : kept.entrySet()) {
			this.jdbc.sql("INSERT INTO author_names (author_id, edition, name, bio) VALUES (:id, :ed, :name, :bio)")
				.param("id", id)
				.param("ed", name.getKey())
				.param("name", name.getValue().name())
				.param("bio", name.getValue().bio())
				.update();
		}
		this.events.publishEvent(new AuthorChanged(id));
		return new AuthorProfile(id, address, kept, photoId);
	}

}
