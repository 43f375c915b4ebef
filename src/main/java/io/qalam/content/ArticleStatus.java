package io.qalam.content;

/** Where an article is in the newsroom's workflow. Only PUBLISHED reaches readers. */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED

}
