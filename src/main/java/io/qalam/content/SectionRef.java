package io.qalam.content;

/** A section as one edition names it. */
public record SectionRef(long id, String slug, String name) {

	public String path(String edition) {
		return "/" + edition + "/section/" + this.slug;
	}

}
