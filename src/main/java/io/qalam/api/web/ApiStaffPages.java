package io.qalam.api.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/** The content API's tokens, for admins only: a token acts as a newsroom account. */
@Component
class ApiStaffPages implements StaffPages {

	private static final Route TOKENS = StaffPages.admins("/newsroom/api-tokens", "/newsroom/api-tokens/**");

	@Override
	public List<Route> routes() {
		return List.of(TOKENS);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(65, "apiTokens", "/newsroom/api-tokens", TOKENS));
	}

}
