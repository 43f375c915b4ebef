/**
 * The widgets: official exchange rates, current weather and the breaking-news banner.
 * Fetching from the outside services (and editors, for the banner) fills the store; pages
 * only read it, through the rendered fragments this module hands to
 * {@link io.qalam.platform.web.WidgetSlots}. Also the rates and weather pages, the
 * widgets' status page and the banner's page for editors.
 */
@ApplicationModule(
		allowedDependencies = { "accounts", "edition", "platform", "platform :: provided", "platform :: web" })
package io.qalam.widgets;

import org.springframework.modulith.ApplicationModule;
