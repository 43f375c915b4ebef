package io.qalam.site;

import io.qalam.edition.Editions;
import io.qalam.platform.web.EdgeCache;
import io.qalam.platform.web.SlotMarkers.Slot;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * One widget slot's fragment alone: what an edge that assembles pages includes
 * ({@code <esi:include>}, see {@link SlotFragments}), and what the page's script asks for
 * to show the reader's own city. Kept at the edge apart from the pages, under the slot's
 * own key ({@link EdgeCache#slotKey}), so a rates or weather refresh purges fragments,
 * not pages. Never kept by this node's page cache: the fragments are in memory already.
 */
@Controller
class SlotFragmentController {

	private final SlotFragments slots;

	private final Editions editions;

	SlotFragmentController(SlotFragments slots, Editions editions) {
		this.slots = slots;
		this.editions = editions;
	}

	@GetMapping(
			path = { "/{edition:[a-z]{2,3}}/widgets/{kind:[a-z][a-z-]{0,31}}",
					"/{edition:[a-z]{2,3}}/widgets/{kind:[a-z][a-z-]{0,31}}/{detail:[a-z][a-z-]{0,31}}" },
			produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	byte[] fragment(@PathVariable String edition, @PathVariable String kind,
			@PathVariable(required = false) String detail, HttpServletResponse response) {
		Slot slot = new Slot(kind, edition, detail);
		if (this.editions.find(edition).isEmpty() || !this.slots.filled().fills(slot)) {
			throw new PageNotFoundException();
		}
		CachePolicy.slotFragment(response, EdgeCache.slotKey(kind, edition) + " edition-" + edition);
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		return this.slots.filled().fragment(slot).html();
	}

}
