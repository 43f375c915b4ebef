package io.qalam.ingest.web;

import java.util.List;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.ingest.ExportJobs;
import io.qalam.platform.Text;

/**
 * The model of {@code ingest/export.jte}.
 *
 * @param last the export started last on this node, or null
 * @param files the finished exports, newest first
 */
public record ExportModel(NewsroomLayout layout, ExportJobs.Job last, List<ExportJobs.ExportFile> files, Text error) {

	/** A size in megabytes with one decimal, for people. */
	public static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

}
