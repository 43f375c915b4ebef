package io.qalam.search.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The search index page, for admins. */
@Component
class SearchStaffPages implements StaffPages {

	private static final Route INDEX = StaffPages.admins("/newsroom/search", "/newsroom/search/**");

	@Override
	public List<Route> routes() {
		return List.of(INDEX);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(80, "searchIndex", "/newsroom/search", INDEX));
	}

}
