/**
 * The sidebar widgets: official exchange rates and current weather. Fetching from the
 * outside services fills the store; pages only read it, through the rendered fragments
 * this module hands to {@link io.qalam.platform.web.WidgetSlots}. Also the rates and
 * weather pages and the widgets' status page for editors.
 */
@ApplicationModule(
		allowedDependencies = { "accounts", "edition", "platform", "platform :: provided", "platform :: web" })
package io.qalam.widgets;

import org.springframework.modulith.ApplicationModule;
