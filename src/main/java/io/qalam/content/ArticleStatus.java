package io.qalam.content;

import io.qalam.platform.Text;

/** Where an article is in the newsroom's workflow. Only PUBLISHED reaches readers. */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

	/** The status as the newsroom says it ("На проверке"). */
	public Text label() {
		return Text.of("status." + name());
	}

}
