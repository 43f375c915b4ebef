package io.qalam.widgets.web;

import java.util.List;

import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.widgets.WidgetStatus;

/**
 * The model of {@code widgets/status.jte}.
 *
 * @param rows each source with its times as the newsroom reads them
 */
public record WidgetStatusModel(NewsroomLayout layout, List<Row> rows, Text notice, Text error) {

	/** One source, with its times formatted. */
	public record Row(WidgetStatus.Source source, String lastSuccess, String lastError) {
	}

}
