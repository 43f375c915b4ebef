package io.qalam.newsroom;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.EditableArticle;
import io.qalam.content.LiveBlogs;
import io.qalam.content.LiveEntry;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.qalam.platform.web.PageNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An article's live blog in the newsroom: start and end the coverage (editors), post
 * entries (everyone: text, a picture of the media library, an embed), correct and pin
 * them and send one to the edition's Telegram channel (editors). Readers see each change
 * on the article's page at once.
 */
@Controller
class LiveBlogController {

	// the pictures offered for an entry: the newest of the media library
	static final int PICTURES = 12;

	private final NewsroomChrome chrome;

	private final ArticleWorkflow workflow;

	private final LiveBlogs liveBlogs;

	private final MediaLibrary media;

	private final UserAccounts accounts;

	LiveBlogController(NewsroomChrome chrome, ArticleWorkflow workflow, LiveBlogs liveBlogs, MediaLibrary media,
			UserAccounts accounts) {
		this.chrome = chrome;
		this.workflow = workflow;
		this.liveBlogs = liveBlogs;
		this.media = media;
		this.accounts = accounts;
	}

	@GetMapping("/newsroom/articles/{id:\\d{1,18}}/live")
	String page(@PathVariable long id, @RequestParam(required = false) String done,
			@RequestParam(required = false) String correct, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Long correcting = (correct != null && correct.matches("\\d{1,18}")) ? Long.valueOf(correct) : null;
		LiveBlogs.EntryDraft typed = (correcting != null) ? this.liveBlogs.draft(id, correcting).orElse(null) : null;
		Text notice = switch ((done != null) ? done : "") {
			case "started", "ended", "posted", "corrected", "pinned", "shared" -> Text.of("liveblog.done." + done);
			default -> null;
		};
		return render(id, request, response, model, notice, null, (typed != null) ? correcting : null, typed);
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/live/start")
	String start(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, request, response, model, "started", () -> this.liveBlogs.start(actor(request), id));
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/live/end")
	String end(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, request, response, model, "ended", () -> this.liveBlogs.end(actor(request), id));
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/live/entries")
	String post(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) String imageId, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String embedLink, @RequestParam(required = false) String pinned,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LiveBlogs.EntryDraft draft = new LiveBlogs.EntryDraft(text, imageId(imageId), caption, embedLink,
				pinned != null);
		try {
			this.liveBlogs.post(actor(request), id, draft);
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(id, request, response, model, null, ex, null, draft);
		}
		return "redirect:/newsroom/articles/" + id + "/live?done=posted";
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/live/entries/{entry:\\d{1,18}}")
	String correct(@PathVariable long id, @PathVariable long entry, @RequestParam(required = false) String text,
			@RequestParam(required = false) String imageId, @RequestParam(required = false) String caption,
			@RequestParam(required = false) String embedLink, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		LiveBlogs.EntryDraft draft = new LiveBlogs.EntryDraft(text, imageId(imageId), caption, embedLink, false);
		try {
			this.liveBlogs.correct(actor(request), id, entry, draft);
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(id, request, response, model, null, ex, entry, draft);
		}
		return "redirect:/newsroom/articles/" + id + "/live?done=corrected#entry-" + entry;
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/live/entries/{entry:\\d{1,18}}/pin")
	String pin(@PathVariable long id, @PathVariable long entry, @RequestParam(required = false) String pinned,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, request, response, model, "pinned",
				() -> this.liveBlogs.pin(actor(request), id, entry, "true".equals(pinned)));
	}

	@PostMapping("/newsroom/articles/{id:\\d{1,18}}/live/entries/{entry:\\d{1,18}}/share")
	String share(@PathVariable long id, @PathVariable long entry, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, request, response, model, "shared", () -> this.liveBlogs.share(actor(request), id, entry));
	}

	private String act(long id, HttpServletRequest request, HttpServletResponse response, Model model, String done,
			Runnable action) {
		try {
			action.run();
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(id, request, response, model, null, ex, null, null);
		}
		return "redirect:/newsroom/articles/" + id + "/live?done=" + done;
	}

	private String render(long id, HttpServletRequest request, HttpServletResponse response, Model model, Text notice,
			Refusal refusal, Long correcting, LiveBlogs.EntryDraft typed) {
		EditableArticle article = this.workflow.find(id).orElseThrow(PageNotFound::new);
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("liveblog.pageTitle"), "articles");
		LiveBlogs.Coverage coverage = this.liveBlogs.coverage(id).orElse(null);
		List<LiveEntry> entries = (coverage != null) ? this.liveBlogs.newest(id, LiveBlogs.PAGE_SIZE * 5) : List.of();
		Map<String, Text> errors = (refusal != null) ? refusal.fields() : Map.of();
		model.addAttribute("model",
				new LiveBlogModel(layout, article, coverage, entries, this.media.search("", 0, PICTURES).images(),
						notice, (refusal != null) ? refusal.text() : null, errors, correcting,
						(typed != null) ? typed : new LiveBlogs.EntryDraft("", null, "", "", false),
						actor(request).role() != Role.REPORTER, this.liveBlogs.shared(id)));
		return "newsroom/live";
	}

	private Actor actor(HttpServletRequest request) {
		return ArticleEditorController.actor(this.accounts, request);
	}

	// A picture's number from the form; anything else is no picture (the list offers
	// only numbers)
	private static Long imageId(String value) {
		return (value != null && value.matches("\\d{1,18}")) ? Long.valueOf(value) : null;
	}

}
