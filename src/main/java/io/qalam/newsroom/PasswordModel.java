package io.qalam.newsroom;

import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code newsroom/password.jte}.
 *
 * @param required whether the user must change a temporary password before anything else
 */
public record PasswordModel(NewsroomLayout layout, boolean required, int minLength, String error, String notice) {
}
