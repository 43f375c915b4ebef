package io.qalam.newsroom;

import java.time.ZoneId;

import io.qalam.platform.web.Dates;
import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/** The newsroom layout and times for this module's pages (see {@link NewsroomChrome}). */
@Component
class NewsroomPages {

	private final NewsroomChrome chrome;

	NewsroomPages(NewsroomChrome chrome) {
		this.chrome = chrome;
	}

	Dates dates() {
		return this.chrome.dates();
	}

	ZoneId zone() {
		return this.chrome.zone();
	}

	NewsroomLayout layout(HttpServletRequest request, String title, String current) {
		return this.chrome.layout(request, title, current);
	}

}
