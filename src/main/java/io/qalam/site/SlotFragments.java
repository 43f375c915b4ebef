package io.qalam.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.qalam.platform.web.WidgetSlots;
import io.qalam.platform.web.WidgetSlots.Fragment;
import io.qalam.platform.web.SlotMarkers.Slot;

import org.springframework.stereotype.Component;

/**
 * The widget slots of every module, filled two ways: with their fragments, as this node
 * serves pages; or with an {@code <esi:include>} of each fragment's own address, for an
 * edge that assembles pages itself and keeps the fragments apart
 * ({@link SlotFragmentController}).
 */
@Component
class SlotFragments {

	private final WidgetSlots filled;

	private final WidgetSlots included;

	SlotFragments(List<WidgetSlots> providers) {
		this.filled = WidgetSlots.combined(providers);
		// the same object per slot, so an assembled page is reused; slots come from our
		// own templates (editions × kinds × cities), the bound is a guard
		Cache<Slot, Fragment> includes = Caffeine.newBuilder().maximumSize(1_000).build();
		WidgetSlots all = this.filled;
		this.included = new WidgetSlots() {
			@Override
			public Set<String> kinds() {
				return all.kinds();
			}

			@Override
			public Fragment fragment(Slot slot) {
				return includes.get(slot, (s) -> new Fragment(
						("<esi:include src=\"" + path(s) + "\"/>").getBytes(StandardCharsets.US_ASCII)));
			}
		};
	}

	/** Each slot filled with its fragment as it is now. */
	WidgetSlots filled() {
		return this.filled;
	}

	/** Each slot as an {@code <esi:include>} of its fragment's address. */
	WidgetSlots included() {
		return this.included;
	}

	/**
	 * Where a slot's fragment is served: {@code /{edition}/widgets/{kind}[/{detail}]}.
	 */
	static String path(Slot slot) {
		return "/" + slot.edition() + "/widgets/" + slot.kind() + ((slot.detail() != null) ? "/" + slot.detail() : "");
	}

}
