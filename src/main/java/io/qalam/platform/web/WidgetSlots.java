package io.qalam.platform.web;

import org.springframework.modulith.NamedInterface;

/**
 * Fills the public pages' widget slots ({@link SlotMarkers}) each time a page is served.
 * Provided at run time by the module that owns the widgets, which renders each fragment
 * once per change of what it shows; the page cache only splices the bytes in.
 * Implementations read stored values only and never call an outside service, so a slow or
 * broken upstream can never slow or break a page.
 */
@NamedInterface("provided")
public interface WidgetSlots {

	/**
	 * The slot's HTML as it is now: the same object for as long as it does not change,
	 * {@link Fragment#EMPTY} for a slot that no widget fills.
	 */
	Fragment fragment(SlotMarkers.Slot slot);

	/**
	 * One slot's rendered HTML; compared by identity, so a new object means new bytes.
	 */
	record Fragment(byte[] html) {

		public static final Fragment EMPTY = new Fragment(new byte[0]);

	}

}
