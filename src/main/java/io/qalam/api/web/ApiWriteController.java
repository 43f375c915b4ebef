package io.qalam.api.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.qalam.accounts.AuditLog;
import io.qalam.api.ApiTokens;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.EditableArticle;
import io.qalam.content.PublishedArticles;
import io.qalam.content.WorkflowException;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing through the content API with a bearer token ({@link ApiTokens}): drafts created
 * and saved, pictures uploaded, articles published — each through the newsroom's one
 * write path, as the token's account with its role, only within the token's scopes, each
 * use audited, at most {@code qalam.api.writes-per-minute} per token on a node. No
 * session and no CSRF token: the bearer token is the only credential read here.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Writing", description = "Drafts, pictures and publication, with a bearer token")
class ApiWriteController {

	// what the workflow says when the account's role may not do it
	private static final java.util.Set<String> ROLE_REFUSALS = java.util.Set.of("workflow.onlyEditors",
			"workflow.reporterEditsOwn", "workflow.reporterSubmitsOwn", "workflow.reporterWithdrawsOwn");

	private final ApiTokens tokens;

	private final ArticleWorkflow workflow;

	private final PublishedArticles articles;

	private final MediaLibrary media;

	private final AuditLog audit;

	private final MessageSource messages;

	private final int perMinute;

	// per token: the times of its last writes, at most perMinute of them. A sliding
	// minute, so that no burst fits around the turn of a clock minute
	private final Map<Long, ArrayDeque<Long>> recentWrites = new ConcurrentHashMap<>();

	ApiWriteController(ApiTokens tokens, ArticleWorkflow workflow, PublishedArticles articles, MediaLibrary media,
			AuditLog audit, MessageSource messages, @Value("${qalam.api.writes-per-minute}") int perMinute) {
		this.tokens = tokens;
		this.workflow = workflow;
		this.articles = articles;
		this.media = media;
		this.audit = audit;
		this.messages = messages;
		this.perMinute = perMinute;
	}

	/** A new draft, owned by the token's account. */
	@PostMapping("/drafts")
	ResponseEntity<Map<String, Object>> create(@RequestBody DraftJson draft, HttpServletRequest request) {
		ApiTokens.Bearer bearer = require(request, ApiTokens.Scope.DRAFTS_WRITE);
		long id = this.workflow.createDraft(actor(bearer, request), text(draft.edition()), draft.draft());
		used(bearer, request, "draft " + id + " created");
		EditableArticle created = this.workflow.find(id).orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(answer(created));
	}

	/**
	 * Saves a draft's text; {@code version} is the one read before, as in the newsroom.
	 */
	@PutMapping("/drafts/{id}")
	ResponseEntity<Map<String, Object>> save(@PathVariable long id, @RequestBody DraftJson draft,
			HttpServletRequest request) {
		ApiTokens.Bearer bearer = require(request, ApiTokens.Scope.DRAFTS_WRITE);
		if (draft.version() == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "version is needed: the one read before");
		}
		this.workflow.save(actor(bearer, request), id, draft.version(), draft.draft());
		used(bearer, request, "article " + id + " saved");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(answer(this.workflow.find(id).orElseThrow()));
	}

	/** Publishes an article now, if the token's scope and its account's role allow it. */
	@PostMapping("/articles/{id}/publish")
	ResponseEntity<Map<String, Object>> publish(@PathVariable long id, @RequestParam int version,
			HttpServletRequest request) {
		ApiTokens.Bearer bearer = require(request, ApiTokens.Scope.ARTICLES_PUBLISH);
		this.workflow.publish(actor(bearer, request), id, version);
		used(bearer, request, "article " + id + " published");
		Map<String, Object> answer = answer(this.workflow.find(id).orElseThrow());
		this.articles.article(id).ifPresent((page) -> answer.put("path", page.path()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
	}

	/** A picture into the media library: the request's body, JPEG, PNG or WebP. */
	@PostMapping("/media")
	ResponseEntity<Map<String, Object>> upload(@RequestParam String edition,
			@RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
			HttpServletRequest request) throws IOException {
		ApiTokens.Bearer bearer = require(request, ApiTokens.Scope.MEDIA_WRITE);
		ImageView image = this.media.upload(request.getInputStream(), text(edition), caption, credit,
				bearer.username());
		used(bearer, request, "image " + image.id() + " uploaded");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", image.id());
		answer.put("width", image.width());
		answer.put("height", image.height());
		answer.put("variants", image.variants().stream().map(image::url).toList());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(answer);
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException ex) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status()).cacheControl(CacheControl.noStore());
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		if (ex.status() == HttpStatus.TOO_MANY_REQUESTS) {
			answer.header(HttpHeaders.RETRY_AFTER, "60");
		}
		return answer.body(Map.of("error", ex.getMessage()));
	}

	// the workflow's refusals in words: 409 for a version someone saved since, 403 for
	// what the account's role may not do, else 400 with each field's reason
	@ExceptionHandler(Refusal.class)
	ResponseEntity<Map<String, Object>> refused(Refusal ex) {
		HttpStatus status = (ex instanceof WorkflowException.StaleVersion) ? HttpStatus.CONFLICT
				: ROLE_REFUSALS.contains(ex.text().key()) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", words(ex.text()));
		Map<String, String> fields = new LinkedHashMap<>();
		ex.fields().forEach((field, text) -> fields.put(field, words(text)));
		if (!fields.isEmpty()) {
			body.put("fields", fields);
		}
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
	}

	private String words(Text text) {
		return this.messages.getMessage(text.key(), text.args().toArray(), text.key(), Locale.ENGLISH);
	}

	// The bearer token and nothing else: a newsroom session's cookie gives no right here
	private ApiTokens.Bearer require(HttpServletRequest request, ApiTokens.Scope scope) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "a bearer token is needed (Authorization: Bearer qlm_…)");
		}
		ApiTokens.Bearer bearer = this.tokens.bearer(header.substring(7).strip())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "the token is unknown, expired or revoked"));
		if (!bearer.scopes().contains(scope)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "the token's scopes do not include " + scope.word());
		}
		if (!allowed(bearer.tokenId(), System.currentTimeMillis())) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
					"at most " + this.perMinute + " writes a minute per token; try again in a minute");
		}
		return bearer;
	}

	private boolean allowed(long tokenId, long now) {
		boolean[] allowed = new boolean[1];
		this.recentWrites.compute(tokenId, (id, times) -> {
			ArrayDeque<Long> recent = (times != null) ? times : new ArrayDeque<>();
			while (!recent.isEmpty() && recent.peekFirst() <= now - 60_000) {
				recent.pollFirst();
			}
			allowed[0] = recent.size() < this.perMinute;
			if (allowed[0]) {
				recent.addLast(now);
			}
			return recent;
		});
		return allowed[0];
	}

	private void used(ApiTokens.Bearer bearer, HttpServletRequest request, String what) {
		this.audit.record(bearer.username(), AuditLog.Action.API_WRITE, "token «" + bearer.tokenName() + "»: " + what,
				request.getRemoteAddr());
	}

	private static Actor actor(ApiTokens.Bearer bearer, HttpServletRequest request) {
		return new Actor(bearer.username(), bearer.role(), request.getRemoteAddr());
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

	private static Map<String, Object> answer(EditableArticle article) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", article.id());
		answer.put("edition", article.edition());
		answer.put("status", article.status().name());
		answer.put("version", article.version());
		return answer;
	}

	/**
	 * A draft as the API takes it.
	 *
	 * @param edition for a new draft
	 * @param version for a save: the version read before
	 * @param section the section's slug
	 * @param authors the byline's authors' slugs
	 */
	record DraftJson(String edition, Integer version, String headline, String lead, String bodyHtml, String section,
			List<String> tags, String sourceLine, String seoDescription, List<String> authors) {

		Draft draft() {
			return new Draft(headline(), (lead() != null) ? lead() : "", (bodyHtml() != null) ? bodyHtml() : "",
					section(), (tags() != null) ? tags() : List.of(), "", sourceLine(), seoDescription(),
					(authors() != null) ? authors() : List.of(), null, null, null, null);
		}

	}

}
