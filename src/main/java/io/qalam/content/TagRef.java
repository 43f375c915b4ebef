package io.qalam.content;

/** A tag of one edition. */
public record TagRef(long id, String edition, String slug, String name) {

	public String path() {
		return "/" + this.edition + "/tag/" + this.slug;
	}

}
