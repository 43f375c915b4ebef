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

	/** A size in megabytes, for the messages to write with one decimal. */
	public static double megabytes(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
