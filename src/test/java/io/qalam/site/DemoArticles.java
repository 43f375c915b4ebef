package io.qalam.site;

import io.qalam.WebClient;
import org.jsoup.nodes.Document;

/** Finds demo articles through the public pages, as a reader would. */
final class DemoArticles {

	private DemoArticles() {
	}

	/**
	 * The address of an article on the edition's home page that has tags and a byline: a
	 * demo one, since other tests sharing the application publish bare articles too.
	 */
	static String withTagsAndByline(WebClient web, String edition) {
		Document home = web.page("/" + edition + "/");
		return home.select("main a[href^=/" + edition + "/20]").eachAttr("href").stream().filter((path) -> {
			Document article = web.page(path);
			return article.selectFirst(".tags a") != null && article.selectFirst(".byline a") != null;
		}).findFirst().orElseThrow();
	}

}
