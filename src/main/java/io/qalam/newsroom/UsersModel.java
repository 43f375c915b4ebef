package io.qalam.newsroom;

import java.util.List;

import io.qalam.accounts.UserAccounts;
import io.qalam.accounts.NewsroomLayout;

/** The model of {@code newsroom/users.jte}. */
public record UsersModel(NewsroomLayout layout, List<UserAccounts.Account> users, UserForm form, String error,
		String notice, int minLength) {
}
