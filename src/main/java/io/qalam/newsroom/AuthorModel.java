package io.qalam.newsroom;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.media.ImageView;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/author.jte}: one author's form.
 *
 * @param existing whether the author exists (their address can no longer change)
 * @param editions every edition's code, one name and biography each
 * @param photo the chosen photo, or null
 * @param errors refusals by field name
 */
public record AuthorModel(NewsroomLayout layout, boolean existing, AuthorForm form, List<String> editions,
		ImageView photo, Map<String, Text> errors, Text error) {

	public Text error(String field) {
		return this.errors.get(field);
	}

	public String action() {
		return this.existing ? "/newsroom/authors/" + this.form.slug() : "/newsroom/authors";
	}

}
