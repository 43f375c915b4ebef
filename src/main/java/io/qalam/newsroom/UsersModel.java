package io.qalam.newsroom;

import java.util.List;

import io.qalam.accounts.UserAccounts;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;

/** The model of {@code newsroom/users.jte}. */
public record UsersModel(NewsroomLayout layout, List<UserAccounts.Account> users, UserForm form, Text error,
		Text notice, int minLength) {
}
