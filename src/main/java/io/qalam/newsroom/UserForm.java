package io.qalam.newsroom;

/** What the new-user form shows again after a refused submission (never the password). */
public record UserForm(String username, String name, String role) {
}
