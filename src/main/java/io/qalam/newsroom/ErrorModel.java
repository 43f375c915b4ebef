package io.qalam.newsroom;

import io.qalam.accounts.NewsroomLayout;

/** The model of {@code newsroom/error.jte}; {@code kind} is 400, 403, 404, 405 or 500. */
public record ErrorModel(NewsroomLayout layout, String kind) {
}
