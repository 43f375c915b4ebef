package io.qalam.ingest.web;

import java.io.IOException;
import java.nio.file.Path;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.ingest.ExportJobs;
import io.qalam.platform.Refusal;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The site's export in the newsroom (admins): started here, written in the background
 * into the data directory, downloaded from here. Restoring is done from the command line,
 * into a new database.
 */
@Controller
class ExportController {

	private final NewsroomChrome chrome;

	private final ExportJobs jobs;

	private final AuditLog audit;

	ExportController(NewsroomChrome chrome, ExportJobs jobs, AuditLog audit) {
		this.chrome = chrome;
		this.jobs = jobs;
		this.audit = audit;
	}

	@GetMapping("/newsroom/export")
	String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		return page(request, response, model, null);
	}

	@PostMapping("/newsroom/export")
	String start(@RequestParam(defaultValue = "false") boolean withPasswords, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		String by = request.getUserPrincipal().getName();
		try {
			ExportJobs.Job job = this.jobs.start(withPasswords, by);
			this.audit.record(by, AuditLog.Action.EXPORT_STARTED,
					job.name() + (withPasswords ? " (with password hashes)" : ""), request.getRemoteAddr());
		}
		catch (Refusal ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(request, response, model, ex.text());
		}
		return "redirect:/newsroom/export";
	}

	@GetMapping("/newsroom/export/files/{name}")
	ResponseEntity<Resource> download(@PathVariable String name, HttpServletRequest request) {
		Path file = this.jobs.file(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.audit.record(request.getUserPrincipal().getName(), AuditLog.Action.EXPORT_DOWNLOADED, name,
				request.getRemoteAddr());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(new FileSystemResource(file));
	}

	@PostMapping("/newsroom/export/files/{name}/delete")
	String delete(@PathVariable String name, HttpServletRequest request) throws IOException {
		if (!this.jobs.delete(name)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.audit.record(request.getUserPrincipal().getName(), AuditLog.Action.EXPORT_DELETED, name,
				request.getRemoteAddr());
		return "redirect:/newsroom/export";
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, Text error)
			throws IOException {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		ExportJobs.Job last = this.jobs.last().orElse(null);
		if (last != null && last.state() == ExportJobs.State.RUNNING) {
			// the page comes again by itself while the export runs
			response.setHeader("Refresh", "2");
		}
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.export"), "export");
		model.addAttribute("model", new ExportModel(layout, last, this.jobs.files(), error));
		return "ingest/export";
	}

}
