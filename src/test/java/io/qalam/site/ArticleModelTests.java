package io.qalam.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gallery in an article's text can be reached and scrolled by keyboard (axe's rule).
 */
class ArticleModelTests {

	@Test
	void aGalleryTakesTheFocusWithAName() {
		String body = "<p>Text</p><figure class=\"gallery\"><figure class=\"image\"></figure></figure>";
		Element gallery = Jsoup.parse(ArticleModel.withGalleries(body, "Фото & видео")).selectFirst("figure.gallery");
		assertThat(gallery.attr("tabindex")).isEqualTo("0");
		assertThat(gallery.attr("role")).isEqualTo("region");
		assertThat(gallery.attr("aria-label")).isEqualTo("Фото & видео");
		assertThat(ArticleModel.withGalleries("<p>No gallery</p>", "x")).isEqualTo("<p>No gallery</p>");
	}

}
