package io.qalam.content;

import java.util.Map;

/**
 * An author as the newsroom edits them: one address, a name and biography per edition
 * (Cyrillic and Latin spellings differ), and a photo from the media library.
 *
 * @param names by edition code, for the editions that name the author
 * @param photoId the photo's image, or null
 */
public record AuthorProfile(long id, String slug, Map<String, Name> names, Long photoId) {

	public AuthorProfile {
		names = Map.copyOf(names);
	}

	/** How one edition names an author. */
	public record Name(String name, String bio) {
	}

	/** The name in an edition, or the address where that edition has none. */
	public String name(String edition) {
		Name name = this.names.get(edition);
		return (name != null) ? name.name() : this.slug;
	}

}
