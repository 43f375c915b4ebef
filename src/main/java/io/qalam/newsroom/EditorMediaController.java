package io.qalam.newsroom;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.NewsroomChrome;
import io.qalam.content.Embeds;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.media.UploadRefusedException;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the body editor's toolbar asks for while an article is written: images of the
 * media library to place, a new upload, and whether a pasted link can be embedded.
 * Answers are JSON for the page's script; refusals carry their message in the newsroom's
 * language.
 */
@RestController
class EditorMediaController {

	private static final int PAGE = 24;

	private final MediaLibrary media;

	private final AuditLog audit;

	private final NewsroomChrome chrome;

	EditorMediaController(MediaLibrary media, AuditLog audit, NewsroomChrome chrome) {
		this.media = media;
		this.audit = audit;
		this.chrome = chrome;
	}

	/**
	 * The library's images matching the words, newest first, for the image and gallery
	 * dialogs, with the captions of the article's edition only.
	 */
	@GetMapping(path = "/newsroom/editor/images", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> images(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String edition, HttpServletRequest request, HttpServletResponse response) {
		AccountController.noStore(response);
		String ed = this.chrome.edition(request, edition).code();
		String words = (q.length() > 200) ? q.substring(0, 200) : q;
		MediaLibrary.Found found = this.media.search(words, Math.max(0, Math.min(page, 1000)) * PAGE, PAGE);
		List<Map<String, Object>> images = found.images().stream().map((image) -> image(image, ed)).toList();
		return Map.of("images", images, "total", found.total());
	}

	/** A new upload from the editor; the image is placed in the text at once. */
	@PostMapping(path = "/newsroom/editor/images", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String edition, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String credit, HttpServletRequest request, HttpServletResponse response) {
		AccountController.noStore(response);
		String ed = this.chrome.edition(request, edition).code();
		try {
			ImageView image = MediaLibraryController.upload(this.media, this.audit, file, ed, caption, credit, request);
			return ResponseEntity.ok(image(image, ed));
		}
		catch (UploadRefusedException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", this.chrome.messages(request).get(ex.text())));
		}
	}

	/** Whether a pasted link is a video or post we embed, and how it will be stored. */
	@GetMapping(path = "/newsroom/editor/embed", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> embed(@RequestParam(defaultValue = "") String url, HttpServletRequest request,
			HttpServletResponse response) {
		AccountController.noStore(response);
		return Embeds.of(url)
			.<ResponseEntity<Map<String, Object>>>map((embed) -> ResponseEntity.ok(Map.of("provider", embed.provider(),
					"label", embed.label(), "link", embed.link(), "frame", embed.frame())))
			.orElseGet(() -> ResponseEntity.badRequest()
				.body(Map.of("error",
						this.chrome.messages(request).get(Text.of("draft.embedUnknown", Embeds.shown(url))))));
	}

	private static Map<String, Object> image(ImageView image, String edition) {
		int width = Math.min(960, image.largest());
		return Map.of("id", image.id(), "src", image.url(960), "thumb", image.url(480), "srcset", image.srcset(),
				"webpSrcset", image.webp() ? image.webpSrcset() : "", "width", width, "height", image.heightAt(width),
				"caption", image.caption(edition), "credit", image.credit(edition));
	}

}
