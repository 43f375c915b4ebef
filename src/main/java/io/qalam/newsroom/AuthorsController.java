package io.qalam.newsroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.NewsroomChrome;
import io.qalam.content.AuthorProfile;
import io.qalam.content.Authors;
import io.qalam.content.WorkflowException;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.media.UploadRefusedException;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The authors bylines name (editors and admins): each author's name and biography per
 * edition, and a profile photo from the media library or a new upload.
 */
@Controller
class AuthorsController {

	private final NewsroomChrome pages;

	private final Authors authors;

	private final MediaLibrary media;

	private final Editions editions;

	private final AuditLog audit;

	AuthorsController(NewsroomChrome pages, Authors authors, MediaLibrary media, Editions editions, AuditLog audit) {
		this.pages = pages;
		this.authors = authors;
		this.media = media;
		this.editions = editions;
		this.audit = audit;
	}

	@GetMapping("/newsroom/authors")
	String list(@RequestParam(required = false) String saved, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		AccountController.noStore(response);
		List<AuthorProfile> all = this.authors.profiles();
		Map<Long, ImageView> photos = this.media
			.findAll(all.stream().map(AuthorProfile::photoId).filter((id) -> id != null).distinct().toList());
		Text notice = (saved != null && saved.matches("[a-z0-9-]{1,80}")) ? Text.of("authors.saved", saved) : null;
		model.addAttribute("model", new AuthorsModel(this.pages.layout(request, Text.of("nav.authors"), "authors"),
				this.pages.edition(request, null).code(), all, photos, notice));
		return "newsroom/authors";
	}

	@GetMapping("/newsroom/authors/new")
	String newAuthor(HttpServletRequest request, HttpServletResponse response, Model model) {
		return form(request, response, model, null, AuthorForm.empty(codes()), Map.of(), null);
	}

	@GetMapping("/newsroom/authors/{slug:[a-z0-9-]{1,80}}")
	String edit(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
		AuthorProfile author = this.authors.profile(slug).orElseThrow(ArticleEditorController.NotFound::new);
		return form(request, response, model, author, AuthorForm.of(author, codes()), Map.of(), null);
	}

	@PostMapping("/newsroom/authors")
	String create(@RequestParam Map<String, String> fields, @RequestParam(required = false) MultipartFile photoFile,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		AuthorForm form = AuthorForm.read(fields, codes());
		if (this.authors.profile(form.slug().strip()).isPresent()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(request, response, model, null, form, Map.of("slug", Text.of("authors.slugTaken")),
					Text.of("authors.notSaved"));
		}
		return save(null, form, photoFile, request, response, model);
	}

	@PostMapping("/newsroom/authors/{slug:[a-z0-9-]{1,80}}")
	String update(@PathVariable String slug, @RequestParam Map<String, String> fields,
			@RequestParam(required = false) MultipartFile photoFile, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		AuthorProfile author = this.authors.profile(slug).orElseThrow(ArticleEditorController.NotFound::new);
		// the address stays: links to the author's page are out in the world
		return save(author, AuthorForm.read(fields, codes()).withSlug(slug), photoFile, request, response, model);
	}

	private String save(AuthorProfile before, AuthorForm form, MultipartFile photoFile, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		AuthorForm typed = form;
		try {
			Long photo = typed.photo();
			if (photoFile != null && !photoFile.isEmpty()) {
				String edition = this.pages.edition(request, null).code();
				String name = typed.names().getOrDefault(edition, new AuthorProfile.Name("", "")).name();
				photo = MediaLibraryController.upload(this.media, this.audit, photoFile, edition, name, "", request)
					.id();
				typed = typed.withPhoto(photo);
			}
			AuthorProfile saved = this.authors.save(typed.slug(), typed.names(), photo, codes());
			this.audit.record(request.getUserPrincipal().getName(), AuditLog.Action.AUTHOR_SAVED,
					"author " + saved.slug(), request.getRemoteAddr());
			return "redirect:/newsroom/authors?saved=" + saved.slug();
		}
		catch (UploadRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(request, response, model, before, typed, Map.of("photo", ex.text()),
					Text.of("authors.notSaved"));
		}
		catch (AuthorForm.BadPhotoNumber ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(request, response, model, before, typed, Map.of("photo", Text.of("editor.field.imageDigits")),
					Text.of("authors.notSaved"));
		}
		catch (WorkflowException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(request, response, model, before, typed, ex.fields(), ex.text());
		}
		catch (DuplicateKeyException ex) {
			// CASE: another editor created the same address a moment before
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(request, response, model, before, typed, Map.of("slug", Text.of("authors.slugTaken")),
					Text.of("authors.notSaved"));
		}
	}

	private String form(HttpServletRequest request, HttpServletResponse response, Model model, AuthorProfile author,
			AuthorForm form, Map<String, Text> errors, Text error) {
		AccountController.noStore(response);
		ImageView photo = null;
		try {
			Long id = form.photo();
			photo = (id != null) ? this.media.find(id).orElse(null) : null;
		}
		catch (AuthorForm.BadPhotoNumber ex) {
			// shown as the field's error
		}
		Text title = (author != null)
				? Text.of("authors.titleEdit", author.name(this.pages.edition(request, null).code()))
				: Text.of("authors.titleNew");
		model.addAttribute("model", new AuthorModel(this.pages.layout(request, title, "authors"), author != null, form,
				codes(), photo, new LinkedHashMap<>(errors), error));
		return "newsroom/author";
	}

	private List<String> codes() {
		return this.editions.all().stream().map(Edition::code).toList();
	}

}
