package io.qalam.newsroom;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.content.AuthorProfile;
import io.qalam.media.ImageView;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/authors.jte}: every author, named in the newsroom's
 * edition.
 *
 * @param edition the edition whose spelling of the names is shown
 * @param photos the authors' photos by image id
 */
public record AuthorsModel(NewsroomLayout layout, String edition, List<AuthorProfile> authors,
		Map<Long, ImageView> photos, Text notice) {

	public ImageView photo(AuthorProfile author) {
		return (author.photoId() != null) ? this.photos.get(author.photoId()) : null;
	}

}
