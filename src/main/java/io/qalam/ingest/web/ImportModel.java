package io.qalam.ingest.web;

import java.util.List;
import java.util.Map;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.ingest.ImportJobs;
import io.qalam.platform.Text;

/**
 * The model of {@code ingest/import.jte}: where an import starts.
 *
 * @param export the export as typed, when the form was refused
 * @param uploads the uploads folder as typed
 * @param maxUploadMegabytes the largest file that may be sent
 * @param jobs this node's imports, newest first
 */
public record ImportModel(NewsroomLayout layout, String export, String uploads, long maxUploadMegabytes,
		List<ImportJobs.Job> jobs, Text error, Map<String, Text> errors) {

	public Text error(String field) {
		return this.errors.get(field);
	}

}
