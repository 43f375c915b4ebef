package io.qalam.ingest.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/**
 * The WordPress import, the site's export and the wire's subscriptions, for admins only
 * (an import writes the whole archive at once, an export holds all of it); the wire's
 * inbox, for editors and admins.
 */
@Component
class ImportStaffPages implements StaffPages {

	private static final Route IMPORT = StaffPages.admins("/newsroom/import", "/newsroom/import/**");

	private static final Route EXPORT = StaffPages.admins("/newsroom/export", "/newsroom/export/**");

	private static final Route FEEDS = StaffPages.admins("/newsroom/wire/feeds", "/newsroom/wire/feeds/**");

	private static final Route WIRE = StaffPages.editors("/newsroom/wire", "/newsroom/wire/**");

	@Override
	public List<Route> routes() {
		return List.of(IMPORT, EXPORT, FEEDS, WIRE);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(12, "wire", "/newsroom/wire", WIRE),
				Entry.forRoute(48, "import", "/newsroom/import", IMPORT),
				Entry.forRoute(49, "export", "/newsroom/export", EXPORT));
	}

}
