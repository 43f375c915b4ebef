package io.qalam.ingest.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.content.Sections;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.ingest.ImportJobs;
import io.qalam.ingest.ImportReport;
import io.qalam.ingest.WordPressImport;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The WordPress import in the newsroom (admins). Files are sent as the request's body (by
 * the page's script, with a progress bar) and written to disk as they come, so an export
 * of gigabytes never passes through the multipart limit; without the script, the admin
 * names files already on the server.
 */
@Controller
class ImportController {

	// WordPress's statuses the newsroom names in its own words
	private static final java.util.Set<String> STATUSES = java.util.Set.of("publish", "future", "draft", "pending",
			"private", "trash");

	private final NewsroomChrome chrome;

	private final ImportJobs jobs;

	private final Editions editions;

	private final Sections sections;

	ImportController(NewsroomChrome chrome, ImportJobs jobs, Editions editions, Sections sections) {
		this.chrome = chrome;
		this.jobs = jobs;
		this.editions = editions;
		this.sections = sections;
	}

	@GetMapping("/newsroom/import")
	String start(HttpServletRequest request, HttpServletResponse response, Model model) {
		return start(request, response, model, "", "", null);
	}

	@PostMapping(path = "/newsroom/import/files", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> receive(@RequestParam(defaultValue = "export") String kind, HttpServletRequest request)
			throws IOException {
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.import"), "import");
		try {
			String named = this.jobs.receive(request.getInputStream(), request.getContentLengthLong(),
					"uploads".equals(kind));
			return ResponseEntity.status(HttpStatus.CREATED).body(named);
		}
		catch (Refusal ex) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(layout.text().get(ex.text()));
		}
	}

	@PostMapping("/newsroom/import")
	String prepare(@RequestParam(defaultValue = "") String export, @RequestParam(defaultValue = "") String uploads,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			String id = this.jobs.prepare(export, uploads, request.getUserPrincipal().getName());
			return "redirect:/newsroom/import/" + id;
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start(request, response, model, export, uploads, ex);
		}
	}

	@GetMapping("/newsroom/import/{id}")
	String job(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return job(this.jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), request,
				response, model, null);
	}

	@PostMapping("/newsroom/import/{id}/run")
	String run(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ImportJobs.Job job = this.jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, String> mapped = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			// section.{category}: an existing section's slug, or empty for the default
			if (name.startsWith("section.") && value != null && !value.isBlank()) {
				mapped.put(name.substring("section.".length()), value.strip());
			}
		});
		try {
			this.jobs.start(id, new WordPressImport.Options(form.getOrDefault("edition", ""), Map.of(), mapped));
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return job(job, request, response, model, ex.text());
		}
		return "redirect:/newsroom/import/" + id;
	}

	@GetMapping(path = "/newsroom/import/{id}/report.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> report(@PathVariable String id) {
		ImportJobs.Job job = this.jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ImportReport report = job.report();
		if (report == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		StringBuilder text = new StringBuilder(report.summary()).append('\n');
		if (report.failure() != null) {
			text.append(report.failure()).append('\n');
		}
		report.lines().forEach((line) -> text.append(line).append('\n'));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(text.toString());
	}

	private String start(HttpServletRequest request, HttpServletResponse response, Model model, String export,
			String uploads, Refusal refusal) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.import"), "import");
		model.addAttribute("model",
				new ImportModel(layout, export, uploads, this.jobs.maxUpload() / (1024 * 1024), this.jobs.all(),
						(refusal != null) ? refusal.text() : null, (refusal != null) ? refusal.fields() : Map.of()));
		return "ingest/import";
	}

	private String job(ImportJobs.Job job, HttpServletRequest request, HttpServletResponse response, Model model,
			Text error) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		if (job.state() == ImportJobs.State.SCANNING || job.state() == ImportJobs.State.RUNNING) {
			// the page comes again by itself while the work goes on
			response.setHeader("Refresh", "2");
		}
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.import"), "import");
		String first = this.editions.defaultEdition().code();
		List<String> codes = Stream
			.concat(Stream.of(first), this.editions.all().stream().map(Edition::code).filter((c) -> !c.equals(first)))
			.toList();
		List<ImportReport.Line> lines = (job.report() != null)
				? job.report().lines().stream().limit(ImportJobModel.LINES).toList() : List.of();
		String statuses = "";
		String languages = "";
		if (job.preview() != null) {
			statuses = String.join(" · ", job.preview().statuses().entrySet().stream().map((e) -> {
				String key = "import.status." + e.getKey();
				String label = STATUSES.contains(e.getKey()) ? layout.text().get(key) : e.getKey();
				return label + ": " + e.getValue();
			}).toList());
			languages = String.join(" · ",
					job.preview()
						.languages()
						.entrySet()
						.stream()
						.map((e) -> (e.getKey().isEmpty() ? layout.text().get("import.noLanguage") : e.getKey()) + ": "
								+ e.getValue())
						.toList());
		}
		model.addAttribute("model", new ImportJobModel(layout, job, codes, this.sections.all(layoutEdition(layout)),
				lines, statuses, languages, error));
		return "ingest/job";
	}

	// the sections as named in the newsroom's language, where an edition speaks it
	private String layoutEdition(NewsroomLayout layout) {
		String language = layout.language().toLowerCase(Locale.ROOT);
		return this.editions.all()
			.stream()
			.filter((e) -> e.language().equals(language))
			.map(Edition::code)
			.findFirst()
			.orElse(this.editions.defaultEdition().code());
	}

}
