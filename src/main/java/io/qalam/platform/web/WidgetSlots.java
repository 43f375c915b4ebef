package io.qalam.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Fills the public pages' widget slots ({@link SlotMarkers}) each time a page is served.
 * Provided at run time by the modules that own the slots (each names the kinds it fills),
 * which render each fragment once per change of what it shows; the page cache only
 * splices the bytes in. Implementations read stored values only and never call an outside
 * service, so a slow or broken upstream can never slow or break a page.
 */
@NamedInterface("provided")
public interface WidgetSlots {

	/** The kinds of slot this provider fills ({@link SlotMarkers.Slot#kind()}). */
	Set<String> kinds();

	/**
	 * The slot's HTML as it is now: the same object for as long as it does not change,
	 * {@link Fragment#EMPTY} for a slot that no widget fills.
	 */
	Fragment fragment(SlotMarkers.Slot slot);

	/**
	 * Whether this provider fills the slot, as the fragments' own addresses ask: by
	 * default its kinds, with no detail.
	 */
	default boolean fills(SlotMarkers.Slot slot) {
		return kinds().contains(slot.kind()) && slot.detail() == null;
	}

	/**
	 * One provider for every kind of slot: asks the provider of the slot's kind.
	 * @throws IllegalStateException when two providers claim the same kind
	 */
	static WidgetSlots combined(List<WidgetSlots> providers) {
		Map<String, WidgetSlots> byKind = new HashMap<>();
		for (WidgetSlots provider : providers) {
			for (String kind : provider.kinds()) {
				if (byKind.putIfAbsent(kind, provider) != null) {
					throw new IllegalStateException("Two providers fill the slot kind " + kind);
				}
			}
		}
		Map<String, WidgetSlots> fixed = Map.copyOf(byKind);
		return new WidgetSlots() {
			@Override
			public Set<String> kinds() {
				return fixed.keySet();
			}

			@Override
			public Fragment fragment(SlotMarkers.Slot slot) {
				WidgetSlots provider = fixed.get(slot.kind());
				return (provider != null) ? provider.fragment(slot) : Fragment.EMPTY;
			}

			@Override
			public boolean fills(SlotMarkers.Slot slot) {
				WidgetSlots provider = fixed.get(slot.kind());
				return provider != null && provider.fills(slot);
			}
		};
	}

	/**
	 * One slot's rendered HTML; compared by identity, so a new object means new bytes.
	 */
	record Fragment(byte[] html) {

		public static final Fragment EMPTY = new Fragment(new byte[0]);

	}

}
