package io.qalam.distribution.web;

import java.util.List;

import io.qalam.accounts.StaffPages;

import org.springframework.stereotype.Component;

/**
 * The distribution page: editors see posts and deliveries; only admins change the
 * Telegram settings and webhooks or retry deliveries.
 */
@Component
class DistributionStaffPages implements StaffPages {

	private static final Route SETTINGS = StaffPages.admins("/newsroom/distribution/telegram/**",
			"/newsroom/distribution/webhooks", "/newsroom/distribution/webhooks/**",
			"/newsroom/distribution/deliveries/**");

	private static final Route PAGE = StaffPages.editors("/newsroom/distribution", "/newsroom/distribution/**");

	@Override
	public List<Route> routes() {
		return List.of(SETTINGS, PAGE);
	}

	@Override
	public List<Entry> navigation() {
		return List.of(Entry.forRoute(50, "distribution", "/newsroom/distribution", PAGE));
	}

}
