package io.qalam.newsroom;

import io.qalam.platform.Text;

import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code newsroom/login.jte}; {@code error} and {@code notice} may be null.
 */
public record LoginModel(NewsroomLayout layout, Text error, Text notice) {
}
