package io.qalam.analytics.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The audience figures, for editors and admins. */
@Component
class AnalyticsStaffPages implements StaffPages {

	private static final Route AUDIENCE = StaffPages.editors("/newsroom/audience", "/newsroom/audience/**");

	@Override
	public List<Route> routes() {
		return List.of(AUDIENCE);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(25, "audience", "/newsroom/audience", AUDIENCE));
	}

}
