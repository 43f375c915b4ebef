package io.qalam.newsroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.content.AuthorProfile;

/**
 * The author form as typed: the address, a name and biography per edition (fields
 * {@code name-ru}, {@code bio-ru} …) and the photo's image number.
 */
public record AuthorForm(String slug, Map<String, AuthorProfile.Name> names, String photoNumber) {

	static AuthorForm empty(List<String> editions) {
		Map<String, AuthorProfile.Name> names = new LinkedHashMap<>();
		editions.forEach((ed) -> names.put(ed, new AuthorProfile.Name("", "")));
		return new AuthorForm("", names, "");
	}

	static AuthorForm of(AuthorProfile author, List<String> editions) {
		Map<String, AuthorProfile.Name> names = new LinkedHashMap<>();
		editions.forEach((ed) -> names.put(ed, author.names().getOrDefault(ed, new AuthorProfile.Name("", ""))));
		return new AuthorForm(author.slug(), names, (author.photoId() != null) ? Long.toString(author.photoId()) : "");
	}

	/** Reads the fields of every edition; a field the browser did not send is empty. */
	static AuthorForm read(Map<String, String> fields, List<String> editions) {
		Map<String, AuthorProfile.Name> names = new LinkedHashMap<>();
		editions.forEach((ed) -> names.put(ed,
				new AuthorProfile.Name(fields.getOrDefault("name-" + ed, ""), fields.getOrDefault("bio-" + ed, ""))));
		return new AuthorForm(fields.getOrDefault("slug", ""), names, fields.getOrDefault("photo", "").strip());
	}

	AuthorForm withSlug(String slug) {
		return new AuthorForm(slug, this.names, this.photoNumber);
	}

	AuthorForm withPhoto(long id) {
		return new AuthorForm(this.slug, this.names, Long.toString(id));
	}

	/** The photo's image number; null for none. */
	Long photo() {
		if (this.photoNumber.isEmpty()) {
			return null;
		}
		if (!this.photoNumber.matches("\\d{1,18}")) {
			throw new BadPhotoNumber();
		}
		return Long.valueOf(this.photoNumber);
	}

	public String name(String edition) {
		return this.names.get(edition).name();
	}

	public String bio(String edition) {
		return this.names.get(edition).bio();
	}

	/** The photo field holds something other than digits. */
	static class BadPhotoNumber extends RuntimeException {

		BadPhotoNumber() {
			super(null, null, false, false);
		}

	}

}
