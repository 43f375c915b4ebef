package io.qalam.site;

import java.util.List;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The edge caches' page in the newsroom (editors and admins): each edge this node purges,
 * when a purge last went through and last failed, and the purges waiting in the event
 * registry to be sent again — a purge that keeps failing shows here.
 */
@Controller
class EdgeController {

	private final NewsroomChrome chrome;

	private final EdgePurges purges;

	private final JdbcClient jdbc;

	EdgeController(NewsroomChrome chrome, EdgePurges purges, JdbcClient jdbc) {
		this.chrome = chrome;
		this.purges = purges;
		this.jdbc = jdbc;
	}

	@GetMapping("/newsroom/edge")
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		NewsroomLayout layout = this.chrome.layout(request, Text.of("nav.edge"), "edge");
		List<EdgeModel.Row> rows = this.purges.statuses()
			.entrySet()
			.stream()
			.map((e) -> new EdgeModel.Row(e.getKey(),
					(e.getValue().lastSuccess() != null) ? layout.dates().dateTime(e.getValue().lastSuccess()) : null,
					(e.getValue().lastFailure() != null) ? layout.dates().dateTime(e.getValue().lastFailure()) : null,
					e.getValue().lastError(), e.getValue().failuresInARow()))
			.toList();
		// across the cluster: each waits for the registry's redelivery
		long waiting = this.jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE :listener")
			.param("listener", "%" + EdgePurges.class.getName() + "%")
			.query(Long.class)
			.single();
		model.addAttribute("model", new EdgeModel(layout, rows, waiting));
		return "site/edge";
	}

}
