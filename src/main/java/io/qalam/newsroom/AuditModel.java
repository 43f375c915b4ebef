package io.qalam.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.qalam.accounts.AuditLog;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;

/**
 * The model of {@code newsroom/audit.jte}.
 *
 * @param actor the actor filter as typed
 * @param action the action filter, or empty for all
 * @param from the first day shown ({@code yyyy-MM-dd}) as typed
 * @param to the last day shown ({@code yyyy-MM-dd}) as typed
 * @param rows the entries with their time as the newsroom reads it
 */
public record AuditModel(NewsroomLayout layout, String actor, String action, String from, String to, List<Row> rows,
		long total, int page, int pageSize, List<Text> problems) {

	/** One entry as the page shows it. */
	public record Row(String at, AuditLog.Entry entry) {
	}

	public List<AuditLog.Action> actions() {
		return List.of(AuditLog.Action.values());
	}

	public boolean hasNext() {
		return (long) this.page * this.pageSize < this.total;
	}

	/** The address of another page with the same filters. */
	public String pageHref(int number) {
		return "/newsroom/audit?actor=" + encode(this.actor) + "&action=" + encode(this.action) + "&from="
				+ encode(this.from) + "&to=" + encode(this.to) + "&page=" + number;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
