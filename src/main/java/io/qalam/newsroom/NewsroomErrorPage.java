package io.qalam.newsroom;

import io.qalam.accounts.NewsroomChrome;
import io.qalam.accounts.NewsroomLayout;
import io.qalam.platform.Text;
import io.qalam.platform.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The newsroom's own error page: its look (the stylesheet is public, so it is styled
 * without a session too) and its language, the account's or, before login, the browser's.
 */
@Component
class NewsroomErrorPage implements ErrorPages {

	private final NewsroomChrome chrome;

	NewsroomErrorPage(NewsroomChrome chrome) {
		this.chrome = chrome;
	}

	@Override
	public boolean covers(String path) {
		return path.equals("/newsroom") || path.startsWith("/newsroom/");
	}

	@Override
	public String render(String kind, HttpServletRequest request, HttpServletResponse response, Model model) {
		AccountController.noStore(response);
		NewsroomLayout layout = this.chrome.layout(request, Text.of("errorPage." + kind + ".title"), null);
		model.addAttribute("model", new ErrorModel(layout, kind));
		return "newsroom/error";
	}

}
