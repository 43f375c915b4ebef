package io.qalam.site;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The edge caches' page, for editors and admins. */
@Component
class SiteStaffPages implements StaffPages {

	private static final Route EDGE = StaffPages.editors("/newsroom/edge", "/newsroom/edge/**");

	@Override
	public List<Route> routes() {
		return List.of(EDGE);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(42, "edge", "/newsroom/edge", EDGE));
	}

}
