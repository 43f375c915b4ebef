package io.qalam.newsroom;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/**
 * The newsroom's own pages: articles and media for everyone, users and audit for admins.
 */
@Component
class NewsroomStaffPages implements StaffPages {

	private static final Route USERS = StaffPages.admins("/newsroom/users", "/newsroom/users/**");

	private static final Route AUDIT = StaffPages.admins("/newsroom/audit", "/newsroom/audit/**");

	private static final Route AUTHORS = StaffPages.editors("/newsroom/authors", "/newsroom/authors/**");

	private static final Route REDIRECTS = StaffPages.editors("/newsroom/redirects", "/newsroom/redirects/**");

	@Override
	public List<Route> routes() {
		return List.of(USERS, AUDIT, AUTHORS, REDIRECTS);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forEveryone(10, "dashboard", "/newsroom"),
				Entry.forEveryone(20, "new", "/newsroom/articles/new"),
				Entry.forEveryone(30, "media", "/newsroom/media"),
				Entry.forRoute(40, "authors", "/newsroom/authors", AUTHORS),
				Entry.forRoute(45, "redirects", "/newsroom/redirects", REDIRECTS),
				Entry.forRoute(60, "users", "/newsroom/users", USERS),
				Entry.forRoute(70, "audit", "/newsroom/audit", AUDIT),
				Entry.forEveryone(90, "password", "/newsroom/password"));
	}

}
