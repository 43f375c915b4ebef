package io.qalam.widgets.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The widgets' status page, for editors and admins. */
@Component
class WidgetsStaffPages implements StaffPages {

	private static final Route STATUS = StaffPages.editors("/newsroom/widgets", "/newsroom/widgets/**");

	@Override
	public List<Route> routes() {
		return List.of(STATUS);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(40, "widgets", "/newsroom/widgets", STATUS));
	}

}
