/**
 * The sidebar widgets: official exchange rates and current weather. Pages read only the
 * stored values; fetching from the outside services fills the store.
 */
package io.qalam.widgets;
