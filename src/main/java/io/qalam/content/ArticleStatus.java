package io.qalam.content;

/** Where an article is in the newsroom's workflow. Only PUBLISHED reaches readers. */
public enum ArticleStatus {

	DRAFT("a draft"), IN_REVIEW("in review"), SCHEDULED("scheduled"), PUBLISHED("published"),
	UNPUBLISHED("unpublished");

	private final String described;

	ArticleStatus(String described) {
		this.described = described;
	}

	/** As in "an article that is …". */
	String described() {
		return this.described;
	}

}
