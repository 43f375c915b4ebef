package io.qalam.ingest.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The WordPress import, for admins only: it writes the whole archive at once. */
@Component
class ImportStaffPages implements StaffPages {

	private static final Route IMPORT = StaffPages.admins("/newsroom/import", "/newsroom/import/**");

	@Override
	public List<Route> routes() {
		return List.of(IMPORT);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(48, "import", "/newsroom/import", IMPORT));
	}

}
