package io.qalam.newsroom;

import io.qalam.platform.Text;

import io.qalam.accounts.NewsroomLayout;

/**
 * The model of {@code newsroom/password.jte}.
 *
 * @param required whether the user must change a temporary password before anything else
 */
public record PasswordModel(NewsroomLayout layout, boolean required, int minLength, Text error, Text notice) {
}
