package io.qalam.newsroom;

import java.util.List;

import io.qalam.platform.UserAccounts;
import io.qalam.platform.web.NewsroomLayout;

/** The model of {@code newsroom/users.jte}. */
public record UsersModel(NewsroomLayout layout, List<UserAccounts.Account> users, UserForm form, String error,
		String notice, int minLength) {
}
