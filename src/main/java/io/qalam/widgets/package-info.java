/**
 * The sidebar widgets: official exchange rates and current weather. Pages read only the
 * stored values; fetching from the outside services fills the store.
 */
@ApplicationModule(
		allowedDependencies = { "accounts", "edition", "platform", "platform :: provided", "platform :: web" })
package io.qalam.widgets;

import org.springframework.modulith.ApplicationModule;
