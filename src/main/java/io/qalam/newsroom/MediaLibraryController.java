package io.qalam.newsroom;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.platform.Text;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.media.UploadRefusedException;
import io.qalam.accounts.AuditLog;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The newsroom's media library: every image, searchable by caption and credit, an upload
 * form, and each image's caption and credit in one edition at a time (changed by editors,
 * or by whoever uploaded it), with the other editions' words beside them to translate
 * from.
 */
@Controller
class MediaLibraryController {

	private static final int PAGE_SIZE = 24;

	private final NewsroomChrome pages;

	private final MediaLibrary media;

	private final UserAccounts accounts;

	private final DataSize maxUpload;

	private final AuditLog audit;

	private final Editions editions;

	MediaLibraryController(NewsroomChrome pages, MediaLibrary media, UserAccounts accounts, AuditLog audit,
			Editions editions, @Value("${qalam.media.max-upload-size}") DataSize maxUpload) {
		this.audit = audit;
		this.editions = editions;
		this.pages = pages;
		this.media = media;
		this.accounts = accounts;
		this.maxUpload = maxUpload;
	}

	@GetMapping("/newsroom/media")
	String library(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String edition, @RequestParam(required = false) String uploaded,
			@RequestParam(required = false) String described, @RequestParam(required = false) String focused,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Text notice = null;
		if (uploaded != null && uploaded.matches("\\d{1,18}")) {
			notice = Text.of("media.uploaded", uploaded);
		}
		else if (described != null && described.matches("\\d{1,18}")) {
			notice = Text.of("media.described", described);
		}
		else if (focused != null && focused.matches("\\d{1,18}")) {
			notice = Text.of("media.focused", focused);
		}
		int pageNumber = (page != null && page.matches("[1-9]\\d{0,5}")) ? Integer.parseInt(page) : 1;
		return render(request, response, model, edition, q, pageNumber, null, notice, "", "");
	}

	@PostMapping("/newsroom/media")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String edition,
			@RequestParam(required = false) String caption, @RequestParam(required = false) String credit,
			Principal principal, HttpServletRequest request, HttpServletResponse response, Model model) {
		String ed = this.pages.edition(request, edition).code();
		try {
			ImageView image = upload(this.media, this.audit, file, ed, caption, credit, request);
			return "redirect:/newsroom/media?edition=" + ed + "&uploaded=" + image.id();
		}
		catch (UploadRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, ed, "", 1, ex.text(), null, caption, credit);
		}
	}

	@PostMapping("/newsroom/media/{id:\\d{1,18}}")
	String describe(@PathVariable long id, @RequestParam(required = false) String edition,
			@RequestParam(required = false) String caption, @RequestParam(required = false) String credit,
			@RequestParam(required = false) String q, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		this.media.find(id).orElseThrow(ArticleEditorController.NotFound::new);
		if (edition == null || this.editions.find(edition).isEmpty()) {
			// a caption is always an edition's: never guess whose words these are
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, null, q, 1, Text.of("media.chooseEdition"), null, "", "");
		}
		return change(id, edition, q, "described", principal, request, response, model,
				() -> this.media.describe(id, edition, caption, credit));
	}

	/**
	 * Sets an image's focal point, in percent from the left and the top (the page's
	 * script fills both in when the image is clicked).
	 */
	@PostMapping("/newsroom/media/{id:\\d{1,18}}/focus")
	String focus(@PathVariable long id, @RequestParam(required = false) String x,
			@RequestParam(required = false) String y, @RequestParam(required = false) String edition,
			@RequestParam(required = false) String q, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		this.media.find(id).orElseThrow(ArticleEditorController.NotFound::new);
		return change(id, edition, q, "focused", principal, request, response, model, () -> {
			if (x == null || y == null || !x.strip().matches("\\d{1,3}") || !y.strip().matches("\\d{1,3}")) {
				throw new UploadRefusedException("media.focusOutside");
			}
			this.media.focus(id, Integer.parseInt(x.strip()), Integer.parseInt(y.strip()));
		});
	}

	// A change of an image's description: editors change any image, reporters their own
	// uploads; back to the same search afterwards
	private String change(long id, String edition, String q, String done, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model, Runnable change) {
		String ed = this.pages.edition(request, edition).code();
		Role role = this.accounts.find(principal.getName()).orElseThrow().role();
		boolean own = this.media.uploadedBy(id).filter(principal.getName()::equals).isPresent();
		if (role == Role.REPORTER && !own) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return render(request, response, model, ed, q, 1, Text.of("media.reporterOwnOnly"), null, "", "");
		}
		try {
			change.run();
			return "redirect:/newsroom/media?edition=" + ed + "&" + done + "=" + id
					+ ((q != null && !q.isBlank()) ? "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) : "");
		}
		catch (UploadRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, ed, q, 1, ex.text(), null, "", "");
		}
	}

	/**
	 * Stores an uploaded file with its caption and credit in one edition (a code the
	 * caller checked); a missing or empty file part is refused like any bad file.
	 */
	static ImageView upload(MediaLibrary media, AuditLog audit, MultipartFile file, String edition, String caption,
			String credit, HttpServletRequest request) {
		if (file == null || file.isEmpty()) {
			throw new UploadRefusedException("media.chooseFile");
		}
		String user = request.getUserPrincipal().getName();
		try (InputStream in = file.getInputStream()) {
			ImageView image = media.upload(in, edition, caption, credit, user);
			audit.record(user, AuditLog.Action.IMAGE_UPLOADED, "image " + image.id() + ": " + image.caption(edition),
					request.getRemoteAddr());
			return image;
		}
		catch (IOException ex) {
			throw new UploadRefusedException("media.interrupted");
		}
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model, String edition,
			String query, int page, Text error, Text notice, String caption, String credit) {
		AccountController.noStore(response);
		String q = (query != null) ? query.strip() : "";
		if (q.length() > 200) {
			q = q.substring(0, 200);
		}
		MediaLibrary.Found found = this.media.search(q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("model", new MediaModel(this.pages.layout(request, Text.of("nav.media"), "media"),
				this.pages.edition(request, edition).code(), this.editions.all().stream().map(Edition::code).toList(),
				q, found.images(), found.total(), page, PAGE_SIZE, error, notice, (caption != null) ? caption : "",
				(credit != null) ? credit : "", this.maxUpload.toMegabytes()));
		return "newsroom/media";
	}

}
