package io.qalam.site;

import java.util.ArrayList;
import java.util.List;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen reader lists a page's landmarks by name: no two of a kind share one, and a
 * link's spoken name begins with the words it shows (axe's landmark-unique and
 * label-content-name-mismatch).
 */
@QalamTest
class LandmarkNamesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en" })
	void landmarksHaveNamesOfTheirOwn(String edition) {
		var story = article(this.context).in(edition).create();
		for (String path : List.of("/" + edition + "/", story.path(), "/" + edition + "/search?q=news")) {
			Document page = Jsoup.parse(new WebClient(this.port).get(path).body());
			List<String> names = new ArrayList<>();
			for (Element landmark : page.select("nav, [role=search], aside[aria-label]")) {
				names.add(landmark.tagName() + (landmark.hasAttr("role") ? "[" + landmark.attr("role") + "]" : "")
						+ ": " + landmark.attr("aria-label"));
			}
			assertThat(names).as(path).doesNotHaveDuplicates();
			assertThat(page.select("nav, [role=search]")).as(path)
				.allSatisfy((landmark) -> assertThat(landmark.attr("aria-label")).isNotBlank());
			Element brand = page.selectFirst("a.brand");
			assertThat(brand.hasAttr("aria-label")).as("the brand is named by what it shows").isFalse();
			Element spoken = brand.clone();
			spoken.select("[aria-hidden=true]").remove();
			assertThat(spoken.text()).startsWith("Qalam — ");
		}
	}

}
