package io.qalam.widgets.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The widgets' status page and the breaking-news banners, for editors and admins. */
@Component
class WidgetsStaffPages implements StaffPages {

	private static final Route STATUS = StaffPages.editors("/newsroom/widgets", "/newsroom/widgets/**");

	private static final Route BREAKING = StaffPages.editors("/newsroom/breaking", "/newsroom/breaking/**");

	@Override
	public List<Route> routes() {
		return List.of(STATUS, BREAKING);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(35, "breaking", "/newsroom/breaking", BREAKING),
				Entry.forRoute(40, "widgets", "/newsroom/widgets", STATUS));
	}

}
