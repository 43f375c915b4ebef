package io.qalam.newsroom;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.content.Actor;
import io.qalam.content.ArticleAction;
import io.qalam.content.ArticlePaths;
import io.qalam.content.ArticleStatus;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Authors;
import io.qalam.content.EditableArticle;
import io.qalam.content.Revision;
import io.qalam.content.Sections;
import io.qalam.content.Tags;
import io.qalam.content.WorkflowException;
import io.qalam.edition.Editions;
import io.qalam.edition.Slugs;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.media.UploadRefusedException;
import io.qalam.accounts.AuditLog;
import io.qalam.platform.PreviewTokens;
import io.qalam.accounts.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The article editor: a new draft, or an existing article with the buttons of its
 * workflow. A refused save shows the form again exactly as the user typed it.
 */
@Controller
class ArticleEditorController {

	// The form's action names, in the order of the editor's buttons
	private static final Map<String, ArticleAction> ACTIONS = orderedActions();

	private static final Logger log = LoggerFactory.getLogger(ArticleEditorController.class);

	private final NewsroomChrome pages;

	private final ArticleWorkflow workflow;

	private final Editions editions;

	private final Sections sections;

	private final Authors authors;

	private final ArticlePaths paths;

	private final UserAccounts accounts;

	private final PreviewTokens tokens;

	private final EditingPresence presence;

	private final Autosaves autosaves;

	private final Tags tags;

	private final MediaLibrary media;

	private final AuditLog audit;

	private final Clock clock;

	ArticleEditorController(NewsroomChrome pages, ArticleWorkflow workflow, Editions editions, Sections sections,
			Authors authors, ArticlePaths paths, UserAccounts accounts, PreviewTokens tokens, EditingPresence presence,
			Autosaves autosaves, Tags tags, MediaLibrary media, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.media = media;
		this.audit = audit;
		this.autosaves = autosaves;
		this.tags = tags;
		this.tokens = tokens;
		this.presence = presence;
		this.pages = pages;
		this.workflow = workflow;
		this.editions = editions;
		this.sections = sections;
		this.authors = authors;
		this.paths = paths;
		this.accounts = accounts;
	}

	@GetMapping("/newsroom/articles/new")
	String newArticle(@RequestParam(required = false) String edition, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String ed = this.pages.edition(request, edition).code();
		return render(request, response, model, null, ed, EditorForm.empty(), Map.of(), null, null, null, "new");
	}

	@PostMapping("/newsroom/articles")
	String create(@RequestParam(required = false) String edition, @ModelAttribute EditorForm bound,
			@RequestParam(name = "author", required = false) List<String> byline,
			@RequestParam(required = false) MultipartFile leadImageFile, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String ed = (edition != null) ? edition : "";
		EditorForm typed = bound.withAuthors(byline);
		EditorForm form = typed;
		try {
			form = withUpload(typed, this.pages.edition(request, ed).code(), leadImageFile, request);
			long id = this.workflow.createDraft(actor(request), ed, form.toDraft());
			return "redirect:/newsroom/articles/" + id + "?done=created";
		}
		catch (WorkflowException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			String shown = this.editions.find(ed).orElse(this.editions.defaultEdition()).code();
			return render(request, response, model, null, shown, form, ex.fields(), ex.text(), null, null, "new");
		}
		catch (DataAccessException ex) {
			String shown = this.editions.find(ed).orElse(this.editions.defaultEdition()).code();
			return render(request, response, model, null, shown, form, Map.of(), notSaved(response, ex), null, null,
					"new");
		}
	}

	@GetMapping("/newsroom/articles/{id:\\d{1,18}}")
	String edit(@PathVariable long id, @RequestParam(required = false) String done,
			@RequestParam(required = false) String autosaved, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		EditableArticle article = this.workflow.find(id).orElseThrow(NotFound::new);
		Text notice = (done != null && done.matches("[a-z]{1,20}")) ? notice(done) : null;
		EditorForm form = EditorForm.of(article.draft());
		var unsaved = this.autosaves.find(id, principal.getName());
		if (unsaved.isPresent() && "restore".equals(autosaved)) {
			// CASE: the user asked for the text the editor kept but never saved
			form = form.withText(unsaved.get().headline(), unsaved.get().lead(), unsaved.get().body());
			notice = Text.of("editor.unsavedBack");
		}
		else if (unsaved.isPresent()) {
			notice = Text.of("editor.unsavedFrom", this.pages.dates(request).dateTime(unsaved.get().savedAt()));
			model.addAttribute("autosaved", true);
		}
		return render(request, response, model, article, article.edition(), form, Map.of(), null, notice, null, null);
	}

	/**
	 * The editor's autosave: keeps the user's unsaved text without a revision. Answers
	 * 204; nothing the user typed is refused here (the real save checks it).
	 */
	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/autosave")
	ResponseEntity<Void> autosave(@PathVariable long id, @ModelAttribute EditorForm form, Principal principal) {
		this.workflow.find(id).orElseThrow(NotFound::new);
		this.autosaves.keep(id, principal.getName(), form.headline(), form.lead(), form.body());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}")
	String act(@PathVariable long id, @RequestParam(name = "version", required = false) String version,
			@RequestParam(name = "action", required = false) String action, @ModelAttribute EditorForm bound,
			@RequestParam(name = "author", required = false) List<String> byline,
			@RequestParam(required = false) MultipartFile leadImageFile, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		EditorForm typed = bound.withAuthors(byline);
		EditorForm form = typed;
		EditableArticle article = this.workflow.find(id).orElseThrow(NotFound::new);
		if (version == null || !version.matches("\\d{1,9}") || action == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, article, article.edition(), form, Map.of(),
					Text.of("editor.incomplete"), null, null, null);
		}
		Actor actor = actor(request);
		int v = Integer.parseInt(version);
		try {
			form = withUpload(typed, article.edition(), leadImageFile, request);
			EditorForm text = form;
			ArticleAction chosen = ACTIONS.get(action);
			if (chosen == null) {
				throw new WorkflowException.Invalid(Text.of("editor.unknownAction", action));
			}
			Instant at = switch (chosen) {
				case SCHEDULE -> localTime(text.scheduledAt(), "scheduledAt", Text.of("editor.chooseScheduleTime"));
				case EMBARGO -> localTime(text.embargoUntil(), "embargoUntil", Text.of("editor.chooseEmbargoEnd"));
				default -> null;
			};
			this.workflow.act(actor, id, v, chosen, text.toDraft(), at);
			this.autosaves.discard(id, actor.username());
			return "redirect:/newsroom/articles/" + id + "?done=" + action;
		}
		catch (WorkflowException.StaleVersion ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			EditableArticle latest = this.workflow.find(id).orElseThrow(NotFound::new);
			return render(request, response, model, latest, latest.edition(), form, Map.of(), ex.text(), null,
					ex.latest(), null);
		}
		catch (WorkflowException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			EditableArticle current = this.workflow.find(id).orElseThrow(NotFound::new);
			return render(request, response, model, current, current.edition(), form, ex.fields(), ex.text(), null,
					null, null);
		}
		catch (DataAccessException ex) {
			return render(request, response, model, article, article.edition(), form, Map.of(), notSaved(response, ex),
					null, null, null);
		}
	}

	// CASE: the database refused the write (a clash that outlasted the retries, a lost
	// connection): the typed text goes back into the form, never lost
	private static Text notSaved(HttpServletResponse response, DataAccessException ex) {
		log.warn("An article could not be saved: {}", ex.getMostSpecificCause().getMessage());
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		return Text.of("editor.notSavedNow");
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/delete")
	String delete(@PathVariable long id, @RequestParam(name = "version", required = false) String version,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		EditableArticle article = this.workflow.find(id).orElseThrow(NotFound::new);
		try {
			if (version == null || !version.matches("\\d{1,9}")) {
				throw new WorkflowException.Invalid(Text.of("editor.incompleteDelete"));
			}
			this.workflow.deleteDraft(actor(request), id, Integer.parseInt(version));
			this.autosaves.discard(id, actor(request).username());
			return "redirect:/newsroom";
		}
		catch (WorkflowException ex) {
			response.setStatus((ex instanceof WorkflowException.StaleVersion) ? HttpServletResponse.SC_CONFLICT
					: HttpServletResponse.SC_BAD_REQUEST);
			EditableArticle current = this.workflow.find(id).orElse(article);
			return render(request, response, model, current, current.edition(), EditorForm.of(current.draft()),
					Map.of(), ex.text(), null, null, null);
		}
	}

	private static boolean deletable(Actor actor, EditableArticle article) {
		return article != null && article.publishedAt() == null && ArticleAction.DELETE.allowed(actor, article);
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/translate")
	String translate(@PathVariable long id, @RequestParam(required = false) String edition, Principal principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		EditableArticle article = this.workflow.find(id).orElseThrow(NotFound::new);
		try {
			long draft = this.workflow.translate(actor(request), id, (edition != null) ? edition : "");
			return "redirect:/newsroom/articles/" + draft + "?done=translation";
		}
		catch (WorkflowException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(request, response, model, article, article.edition(), EditorForm.of(article.draft()),
					Map.of(), ex.text(), null, null, null);
		}
	}

	/**
	 * The editor page's heartbeat: keeps this user marked as editing, and answers who
	 * else is, as a JSON list of names.
	 */
	@PostMapping(path = "/newsroom/articles/{id:\\d{1,18}}/presence", produces = "application/json")
	@ResponseBody
	List<String> presence(@PathVariable long id, Principal principal, HttpServletResponse response) {
		this.workflow.find(id).orElseThrow(NotFound::new);
		AccountController.noStore(response);
		return this.presence.here(id, principal.getName());
	}

	/**
	 * Stores the image uploaded with the form, if any, and makes it the form's lead
	 * image. A refused file refuses the whole save, with the reason next to the image
	 * field.
	 */
	private EditorForm withUpload(EditorForm form, String edition, MultipartFile file, HttpServletRequest request) {
		if (file == null || file.isEmpty()) {
			return form;
		}
		try {
			ImageView image = MediaLibraryController.upload(this.media, this.audit, file, edition,
					form.leadImageCaption(), form.leadImageCredit(), request);
			return form.withLeadImage(image.id());
		}
		catch (UploadRefusedException ex) {
			throw new WorkflowException.Invalid(Text.of("editor.imageRefused"), Map.of("leadImage", ex.text()));
		}
	}

	// A date-time field of the form, read in the newsroom's time zone
	private Instant localTime(String value, String field, Text message) {
		try {
			return LocalDateTime.parse((value != null) ? value : "").atZone(this.pages.zone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new WorkflowException.Invalid(message, Map.of(field, Text.of("editor.field.dateTime")));
		}
	}

	private String render(HttpServletRequest request, HttpServletResponse response, Model model,
			EditableArticle article, String edition, EditorForm form, Map<String, Text> errors, Text message,
			Text notice, Revision conflict, String current) {
		AccountController.noStore(response);
		Actor actor = actor(request);
		Text title = (article == null) ? Text.of("editor.new")
				: Text.of("editor.titleEdit", article.draft().headline());
		Map<String, Long> translations = (article != null) ? this.workflow.translations(article.id()) : Map.of();
		String publicPath = (article != null && article.status() == ArticleStatus.PUBLISHED)
				? this.paths.path(article.edition(), article.publishedAt(), article.draft().slug()) : null;
		String previewPath = (article != null)
				? "/" + article.edition() + "/preview/" + article.id() + "?token=" + this.tokens.issue(article.id())
				: null;
		List<String> alsoEditing = (article != null) ? this.presence.here(article.id(), actor.username()) : List.of();
		NewsroomLayout layout = this.pages.layout(request, title, current);
		model.addAttribute("model",
				new EditorModel(layout, (article != null) ? article.id() : null, edition,
						(article != null) ? article.status() : null, (article != null) ? article.version() : 0,
						(article != null) ? this.workflow.latestRevision(article.id()) : 0, form,
						this.editions.all().stream().map((e) -> e.code()).toList(), this.sections.all(edition),
						this.authors.all(edition), errors, message, notice, conflict, actions(actor, article),
						publicPath, (article != null) ? article.owner() : null, translations,
						translateInto(article, translations), previewPath, alsoEditing, embargo(layout, article),
						this.tags.popular(edition, 30), leadImage(form), this.media.search("", 0, 8).images(),
						deletable(actor, article), (article == null) ? choices() : Map.of(), addressPrefix(edition),
						form.slug().isBlank() ? Slugs.slugify(form.headline()) : form.slug().strip()));
		return "newsroom/editor";
	}

	// Every edition's sections, bylines and most used tags, for a new article's edition
	// switch
	private Map<String, EditorModel.Choices> choices() {
		Map<String, EditorModel.Choices> choices = new LinkedHashMap<>();
		for (var edition : this.editions.all()) {
			choices.put(edition.code(),
					new EditorModel.Choices(this.sections.all(edition.code()), this.authors.all(edition.code()),
							this.tags.popular(edition.code(), 30), addressPrefix(edition.code())));
		}
		return choices;
	}

	// The address up to the slug, dated today: the day of a first publication now
	private String addressPrefix(String edition) {
		return this.paths.path(edition, this.clock.instant(), "");
	}

	/**
	 * The slug a headline spells, for the address preview beside the headline field: the
	 * server's spelling, so that the preview is what the save will store (a clash with an
	 * existing address adds "-2" then).
	 */
	@GetMapping(path = "/newsroom/slug", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, String> slug(@RequestParam(defaultValue = "") String headline, HttpServletResponse response) {
		if (headline.length() > 300) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A headline has at most 300 characters");
		}
		AccountController.noStore(response);
		return Map.of("slug", Slugs.slugify(headline));
	}

	// The image the form shows as chosen; a number typed wrongly shows none
	private ImageView leadImage(EditorForm form) {
		try {
			Long id = form.chosenImage();
			return (id != null) ? this.media.find(id).orElse(null) : null;
		}
		catch (WorkflowException ex) {
			return null;
		}
	}

	private static String embargo(NewsroomLayout layout, EditableArticle article) {
		return (article != null && article.embargoUntil() != null) ? layout.dates().dateTime(article.embargoUntil())
				: null;
	}

	// The editions the story has no version in yet
	private List<String> translateInto(EditableArticle article, Map<String, Long> translations) {
		if (article == null) {
			return List.of();
		}
		return this.editions.all()
			.stream()
			.map((e) -> e.code())
			.filter((code) -> !code.equals(article.edition()) && !translations.containsKey(code))
			.toList();
	}

	// The buttons the workflow's table allows, in the order the editor shows them
	private static List<EditorModel.Action> actions(Actor actor, EditableArticle article) {
		List<EditorModel.Action> actions = new ArrayList<>();
		if (article == null) {
			return actions;
		}
		List<String> allowed = new ArrayList<>();
		ACTIONS.forEach((name, action) -> {
			if (action != ArticleAction.DELETE && action.allowed(actor, article)) {
				allowed.add(name);
			}
		});
		String primary = primary(allowed, article.status());
		for (String name : allowed) {
			ArticleAction action = ACTIONS.get(name);
			actions.add(new EditorModel.Action(name, label(action, article.status()), name.equals(primary)));
		}
		return actions;
	}

	/**
	 * The action the bar offers first: what usually comes next for this user and status.
	 * A public or scheduled article is most often corrected (Update / Save); otherwise an
	 * editor publishes and a reporter submits.
	 */
	private static String primary(List<String> allowed, ArticleStatus status) {
		List<String> order = (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) ? List.of("save")
				: List.of("publish", "submit", "save");
		return order.stream().filter(allowed::contains).findFirst().orElse(null);
	}

	// Saving a published article updates what readers see, and says so
	private static Text label(ArticleAction action, ArticleStatus status) {
		return (action == ArticleAction.SAVE && status == ArticleStatus.PUBLISHED) ? Text.of("action.UPDATE")
				: action.label();
	}

	private static Map<String, ArticleAction> orderedActions() {
		Map<String, ArticleAction> actions = new LinkedHashMap<>();
		actions.put("save", ArticleAction.SAVE);
		actions.put("submit", ArticleAction.SUBMIT);
		actions.put("draft", ArticleAction.BACK_TO_DRAFT);
		actions.put("unpublish", ArticleAction.UNPUBLISH);
		actions.put("embargo", ArticleAction.EMBARGO);
		actions.put("lift", ArticleAction.LIFT_EMBARGO);
		actions.put("publish", ArticleAction.PUBLISH);
		actions.put("schedule", ArticleAction.SCHEDULE);
		return Collections.unmodifiableMap(actions);
	}

	private Actor actor(HttpServletRequest request) {
		return actor(this.accounts, request);
	}

	/** The signed-in user, with the client address for the audit log. */
	static Actor actor(UserAccounts accounts, HttpServletRequest request) {
		UserAccounts.Account account = accounts.find(request.getUserPrincipal().getName()).orElseThrow();
		return new Actor(account.username(), account.role(), request.getRemoteAddr());
	}

	private static Text notice(String done) {
		return switch (done) {
			case "created", "translation", "save", "submit", "publish", "schedule", "unpublish", "draft", "restore",
					"embargo", "lift" ->
				Text.of("done." + done);
			default -> null;
		};
	}

	/** No article with this id: the newsroom's 404. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}

	}

}
