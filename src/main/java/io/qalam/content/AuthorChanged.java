package io.qalam.content;

/**
 * An author's names, biography or photo changed: their page and every article that
 * bylines them show it.
 */
public record AuthorChanged(long authorId) {
}
