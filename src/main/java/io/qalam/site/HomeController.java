package io.qalam.site;

import java.time.Clock;
import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.qalam.platform.web.PublicChrome;
import io.qalam.content.HomePage;
import io.qalam.content.PublishedArticles;
import io.qalam.content.Redirects;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.web.PublicLayout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The language redirect at {@code /} (after an old site's address there, {@code /?p=123})
 * and each edition's home page.
 */
@Controller
class HomeController {

	private final PublicChrome pages;

	private final PublishedArticles articles;

	private final Editions editions;

	private final JsonMapper json;

	private final Clock clock;

	private final Redirects redirects;

	HomeController(PublicChrome pages, PublishedArticles articles, Editions editions, JsonMapper json, Clock clock,
			Redirects redirects) {
		this.clock = clock;
		this.redirects = redirects;
		this.pages = pages;
		this.articles = articles;
		this.editions = editions;
		this.json = json;
	}

	@GetMapping("/")
	String root(@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
			HttpServletRequest request, HttpServletResponse response) {
		// an old site's address at the root (WordPress's /?p=123) moved for good
		if (request.getQueryString() != null) {
			Optional<String> moved = this.redirects.find("/", request.getQueryString());
			if (moved.isPresent()) {
				return CachePolicy.movedPermanently(request, response, moved.get());
			}
		}
		CachePolicy.languageRedirect(response);
		return "redirect:/" + this.editions.forAcceptLanguage(acceptLanguage).code() + "/";
	}

	@GetMapping("/{edition:[a-z]{2,3}}")
	String withoutSlash(@PathVariable String edition) {
		return "redirect:/" + this.pages.edition(edition).code() + "/";
	}

	@GetMapping("/{edition:[a-z]{2,3}}/")
	String home(@PathVariable String edition, Model model, HttpServletRequest request, HttpServletResponse response) {
		Instant now = this.clock.instant();
		Edition ed = this.pages.edition(edition);
		HomePage home = this.articles.home(ed.code());
		String path = "/" + ed.code() + "/";
		String description = this.pages.messages(ed).get("home.description");
		PublicLayout layout = this.pages.page(ed, path, this.pages.messages(ed).get("site.tagline"))
			.description(description)
			.languages(this.pages.everyEdition(ed, (e) -> "/" + e.code() + "/"))
			.social(new PublicLayout.SocialCard("website", this.pages.siteName(), description,
					this.pages.absolute(path), null, null, null, null, null, null, null))
			.jsonLd(websiteJsonLd(path))
			.build();
		model.addAttribute("model", new HomeModel(layout, home, now));
		// "today" and "yesterday" in the news list change at midnight, with nothing
		// published
		CachePolicy.keepUntil(request, layout.dates().nextMidnight(now));
		PageKeys keys = PageKeys.of(ed.code()).latest(ed.code()).articles(home.latest());
		if (home.lead() != null) {
			keys.article(home.lead().id());
		}
		for (HomePage.SectionBlock block : home.sections()) {
			keys.section(block.section().id()).sectionList(ed.code(), block.section().id()).articles(block.articles());
		}
		CachePolicy.publicPage(response, keys);
		return "site/home";
	}

	private String websiteJsonLd(String path) {
		Map<String, Object> site = new LinkedHashMap<>();
		site.put("@context", "https://schema.org");
		site.put("@type", "WebSite");
		site.put("name", this.pages.siteName());
		site.put("url", this.pages.absolute(path));
		site.put("publisher", JsonLd.publisher(this.pages));
		return JsonLd.write(this.json, site);
	}

}
