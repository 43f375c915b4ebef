package io.qalam.content;

/** An author as one edition spells their name. */
public record AuthorRef(long id, String edition, String slug, String name, String bio) {

	public String path() {
		return "/" + this.edition + "/author/" + this.slug;
	}

}
