package io.qalam.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A WordPress post's text as Qalam's editor would have written it. */
class WordPressBodiesTests {

	@Test
	void blockCommentsAreDropped() {
		assertThat(WordPressBodies.html("""
				<!-- wp:paragraph -->
				<p>Поезда пошли.</p>
				<!-- /wp:paragraph -->

				<!-- wp:heading {"level":3} -->
				<h3>Станции</h3>
				<!-- /wp:heading -->""")).isEqualTo("<p>Поезда пошли.</p>\n<h3>Станции</h3>");
	}

	@Test
	void aCaptionShortcodeBecomesAFigureWithItsCaption() {
		assertThat(WordPressBodies.html(
				"Текст до.\n\n[caption id=\"attachment_7\" align=\"aligncenter\" width=\"1024\"]<a href=\"https://old.example.kz/wp-content/uploads/2015/03/станция.jpg\"><img class=\"size-large\" src=\"https://old.example.kz/wp-content/uploads/2015/03/станция-1024x576.jpg\" alt=\"Перрон\" width=\"1024\" height=\"576\" /></a> Новая станция «Сарыарка»[/caption]\n\nТекст после."))
			.isEqualTo(
					"<p>Текст до.</p>\n<figure class=\"image\"><a href=\"https://old.example.kz/wp-content/uploads/2015/03/станция.jpg\">"
							+ "<img class=\"size-large\" src=\"https://old.example.kz/wp-content/uploads/2015/03/станция-1024x576.jpg\" alt=\"Перрон\" width=\"1024\" height=\"576\" /></a>"
							+ "<figcaption>Новая станция «Сарыарка»</figcaption></figure>\n<p>Текст после.</p>");
		// the old way: the caption as an attribute
		assertThat(WordPressBodies.html("[caption caption=\"Вокзал\"]<img src=\"a.jpg\">[/caption]"))
			.isEqualTo("<figure class=\"image\"><img src=\"a.jpg\"><figcaption>Вокзал</figcaption></figure>");
		// no picture inside: the text stays
		assertThat(WordPressBodies.html("[caption]Только текст[/caption]")).isEqualTo("<p>Только текст</p>");
	}

	@Test
	void aLinkAloneOnItsLineBecomesAnEmbedAndOneInATextStays() {
		String html = WordPressBodies.html("""
				Смотрите видео:

				https://www.youtube.com/watch?v=dQw4w9WgXcQ

				Подробнее на https://youtu.be/dQw4w9WgXcQ и в канале.
				https://example.com/not-an-embed""");
		assertThat(html).startsWith("<p>Смотрите видео:</p>\n<figure class=\"embed\" data-embed=\"youtube\"")
			.contains(
					"<p>Подробнее на https://youtu.be/dQw4w9WgXcQ и в канале.<br>\nhttps://example.com/not-an-embed</p>");
	}

	@Test
	void textWithoutParagraphsGetsThemAsWordPressShowsThem() {
		assertThat(WordPressBodies.html("Первый абзац,\nвторая строка.\n\n\nВторой абзац.\n\n<ul><li>пункт</li></ul>"))
			.isEqualTo("<p>Первый абзац,<br>\nвторая строка.</p>\n<p>Второй абзац.</p>\n<ul><li>пункт</li></ul>");
		assertThat(WordPressBodies.html("   ")).isEmpty();
		assertThat(WordPressBodies.html(null)).isEmpty();
	}

}
