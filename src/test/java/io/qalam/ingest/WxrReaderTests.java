package io.qalam.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A WordPress export read as a stream: the site's header, each kind of item, and files
 * that are broken or hostile.
 */
class WxrReaderTests {

	@Test
	void theSiteAndEveryKindOfItemAreReadAsWordPressWroteThem() {
		String xml = new WxrExport("https://old.example.kz").author("admin", "Айгерим Садыкова")
			.category("novosti", "Новости", "")
			.category("%d0%b0%d0%bb%d0%bc%d0%b0%d1%82%d1%8b", "Алматы", "novosti")
			.tag("metro", "Метро")
			.translations("pll_5e1f", "ru", 101, "kk", 102)
			.item(101, "post", "publish", "В Алматы открылись две станции метро",
					"%d0%b2-%d0%b0%d0%bb%d0%bc%d0%b0%d1%82%d1%8b-%d0%bc%d0%b5%d1%82%d1%80%d0%be", "2015-03-02 07:00:00",
					"<!-- wp:paragraph --><p>Поезда пошли.</p><!-- /wp:paragraph -->\n[caption id=\"attachment_7\"]<img src=\"x.jpg\"> Станция[/caption]",
					"""
							<wp:is_sticky>1</wp:is_sticky>
							<category domain="category" nicename="%d0%b0%d0%bb%d0%bc%d0%b0%d1%82%d1%8b"><![CDATA[Алматы]]></category>
							<category domain="post_tag" nicename="metro"><![CDATA[Метро]]></category>
							<category domain="language" nicename="ru"><![CDATA[Русский]]></category>
							<category domain="post_translations" nicename="pll_5e1f"><![CDATA[pll_5e1f]]></category>
							<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[7]]></wp:meta_value></wp:postmeta>
							<wp:postmeta><wp:meta_key><![CDATA[_yoast_wpseo_metadesc]]></wp:meta_key><wp:meta_value><![CDATA[Две новые станции]]></wp:meta_value></wp:postmeta>
							<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[Ура!]]></wp:comment_content></wp:comment>
							""")
			.item(102, "post", "future", "Алматыда метроның екі бекеті ашылды", "almaty-metro-kk",
					"2030-01-01 05:00:00", "<p>Пойыздар жүрді.</p>",
					"<category domain=\"language\" nicename=\"kk\"><![CDATA[Қазақша]]></category>")
			.item(103, "post", "draft", "Черновик", "", "0000-00-00 00:00:00", "<script>alert(1)</script>", "")
			.item(7, "attachment", "inherit", "Станция", "stantsiya", "2015-03-02 06:00:00", "",
					"""
							<wp:attachment_url><![CDATA[https://old.example.kz/wp-content/uploads/2015/03/станция.jpg]]></wp:attachment_url>
							<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Перрон]]></wp:meta_value></wp:postmeta>
							""")
			.item(8, "page", "publish", "О нас", "about", "2015-01-01 00:00:00", "<p>Мы.</p>", "")
			.xml();
		List<WxrItem> items = new ArrayList<>();
		WxrSite site;
		try (WxrReader reader = WxrReader.open(stream(xml))) {
			while (reader.hasNext()) {
				items.add(reader.next());
			}
			site = reader.site();
		}

		assertThat(site.title()).isEqualTo("Старый портал");
		assertThat(site.baseUrl()).isEqualTo("https://old.example.kz");
		assertThat(site.authors()).singleElement()
			.satisfies((author) -> assertThat(author.displayName()).isEqualTo("Айгерим Садыкова"));
		assertThat(site.categories()).containsExactly(new WxrSite.Term("novosti", "Новости", ""),
				new WxrSite.Term("алматы", "Алматы", "novosti"));
		assertThat(site.tags()).containsExactly(new WxrSite.Term("metro", "Метро", ""));
		assertThat(site.translationGroups()).containsEntry("pll_5e1f", java.util.Map.of("ru", 101L, "kk", 102L));

		assertThat(items).extracting(WxrItem::id).containsExactly(101L, 102L, 103L, 7L, 8L);
		WxrItem post = items.get(0);
		assertThat(post.type()).isEqualTo("post");
		assertThat(post.status()).isEqualTo("publish");
		assertThat(post.slug()).isEqualTo("в-алматы-метро");
		assertThat(post.publishedAt()).isEqualTo(Instant.parse("2015-03-02T07:00:00Z"));
		assertThat(post.sticky()).isTrue();
		assertThat(post.content()).startsWith("<!-- wp:paragraph --><p>Поезда пошли.</p>").contains("[caption");
		assertThat(post.categories()).containsExactly("алматы");
		assertThat(post.tags()).containsExactly(new WxrSite.Term("metro", "Метро", ""));
		assertThat(post.language()).isEqualTo("ru");
		assertThat(post.translationGroup()).isEqualTo("pll_5e1f");
		assertThat(post.meta()).containsEntry("_thumbnail_id", "7")
			.containsEntry("_yoast_wpseo_metadesc", "Две новые станции");
		assertThat(post.link()).isEqualTo("https://old.example.kz/?p=101");
		assertThat(post.problem()).isNull();

		assertThat(items.get(1).status()).isEqualTo("future");
		assertThat(items.get(1).sticky()).isFalse();
		assertThat(items.get(1).language()).isEqualTo("kk");
		assertThat(items.get(2).publishedAt()).isNull();
		assertThat(items.get(2).localDate()).isEqualTo("2015-03-02 13:00:00");
		// read as written: the sanitizer decides later
		assertThat(items.get(2).content()).isEqualTo("<script>alert(1)</script>");
		assertThat(items.get(3).attachmentUrl()).endsWith("/2015/03/станция.jpg");
		assertThat(items.get(3).meta()).containsEntry("_wp_attachment_image_alt", "Перрон");
		assertThat(items.get(4).type()).isEqualTo("page");
	}

	@Test
	void wpmlLanguagesAndGroupsComeFromItsCustomFields() {
		String wpml = """
				<wp:postmeta><wp:meta_key><![CDATA[_wpml_import_language_code]]></wp:meta_key><wp:meta_value><![CDATA[%s]]></wp:meta_value></wp:postmeta>
				<wp:postmeta><wp:meta_key><![CDATA[_wpml_import_translation_group]]></wp:meta_key><wp:meta_value><![CDATA[77]]></wp:meta_value></wp:postmeta>
				""";
		String xml = new WxrExport("https://old.example.kz")
			.item(1, "post", "publish", "Новость", "novost", "2015-03-02 07:00:00", "<p>Текст.</p>",
					wpml.formatted("ru"))
			.item(2, "post", "publish", "Жаңалық", "zhanalyq", "2015-03-02 07:00:00", "<p>Мәтін.</p>",
					wpml.formatted("kk"))
			.xml();
		List<WxrItem> items = new ArrayList<>();
		try (WxrReader reader = WxrReader.open(stream(xml))) {
			while (reader.hasNext()) {
				items.add(reader.next());
			}
		}
		assertThat(items).extracting(WxrItem::language).containsExactly("ru", "kk");
		assertThat(items).extracting(WxrItem::translationGroup).containsExactly("wpml-77", "wpml-77");
	}

	@Test
	void aPostTooLongToReadIsNamedAndTheNextOneIsRead() {
		String huge = "<p>" + "Очень длинный текст. ".repeat(520_000) + "</p>";
		assertThat(huge.length()).isGreaterThan(10_000_000);
		String xml = new WxrExport("https://old.example.kz")
			.item(1, "post", "publish", "Огромный", "huge", "2015-03-02 07:00:00", huge, "")
			.item(2, "post", "publish", "Обычный", "normal", "2015-03-02 08:00:00", "<p>Коротко.</p>", "")
			.xml();
		try (WxrReader reader = WxrReader.open(stream(xml))) {
			WxrItem first = reader.next();
			assertThat(first.id()).isEqualTo(1);
			assertThat(first.content()).isNull();
			assertThat(first.problem()).isEqualTo("its text is longer than 4 MB");
			assertThat(reader.next().content()).isEqualTo("<p>Коротко.</p>");
			assertThat(reader.hasNext()).isFalse();
		}
	}

	@Test
	void aFileThatIsNotWellFormedStopsWithItsLine() {
		String xml = new WxrExport("https://old.example.kz")
			.item(1, "post", "publish", "Первый", "first", "2015-03-02 07:00:00", "<p>Текст.</p>", "")
			.xml()
			.replace("<wp:menu_order>0</wp:menu_order>", "<wp:menu_order>0</wp:menu>");
		assertThatThrownBy(() -> readAll(xml)).isInstanceOf(WxrReader.Malformed.class)
			.hasMessageStartingWith("The file is not well-formed XML: ")
			.hasMessageNotContaining("ParseError")
			.hasMessageEndingWith("must be terminated by the matching end-tag \"</wp:menu_order>\". (line 34)");
	}

	@Test
	void aFileCutShortStops() {
		String xml = new WxrExport("https://old.example.kz")
			.item(1, "post", "publish", "Первый", "first", "2015-03-02 07:00:00", "<p>Текст.</p>", "")
			.item(2, "post", "publish", "Второй", "second", "2015-03-02 08:00:00", "<p>Текст.</p>", "")
			.xml();
		String cut = xml.substring(0, xml.indexOf("Второй"));
		List<Long> read = new ArrayList<>();
		assertThatThrownBy(() -> {
			try (WxrReader reader = WxrReader.open(stream(cut))) {
				while (reader.hasNext()) {
					read.add(reader.next().id());
				}
			}
		}).isInstanceOf(WxrReader.Malformed.class);
		// what came before the cut was whole; the cut item never comes out
		assertThat(read).containsExactly(1L);
	}

	@Test
	void anExternalEntityIsNeverRead() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
				<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&secret;</title>
				<item><title>&secret;</title><wp:post_id>1</wp:post_id></item></channel></rss>
				""";
		assertThatThrownBy(() -> readAll(xml)).isInstanceOf(WxrReader.Malformed.class).hasMessageNotContaining("root:");
	}

	@Test
	@Timeout(10)
	void aBillionLaughsFileIsRefusedNotExpanded() {
		StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			String previous = (i == 1) ? "lol" : "lol" + (i - 1);
			entities.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&" + previous + ";").repeat(10))
				.append("\">");
		}
		String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities
				+ "]><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>&lol9;</title>"
				+ "<wp:post_id>1</wp:post_id></item></channel></rss>";
		assertThatThrownBy(() -> readAll(xml)).isInstanceOf(WxrReader.Malformed.class)
			.hasMessageStartingWith("The file uses an entity (&lol9;)");
	}

	@Test
	void aFileThatIsNotAnExportSaysSo() {
		assertThatThrownBy(() -> readAll("<html><body>Hello</body></html>")).isInstanceOf(WxrReader.Malformed.class)
			.hasMessageStartingWith("This is not a WordPress export: it starts with <html>");
		assertThatThrownBy(() -> readAll("")).isInstanceOf(WxrReader.Malformed.class);
		assertThatThrownBy(() -> readAll("<rss><foo/></rss>")).isInstanceOf(WxrReader.Malformed.class)
			.hasMessageStartingWith("This is not a WordPress export: <rss> holds <foo>");
	}

	@Test
	void aLongExportIsReadAsAStream() {
		// 20,000 items from a stream that is never held whole
		String header = new WxrExport("https://old.example.kz").xml().replace("</channel>\n</rss>\n", "");
		byte[] item = new WxrExport("https://old.example.kz")
			.item(1, "post", "publish", "Новость", "novost", "2015-03-02 07:00:00", "<p>Текст новости.</p>", "")
			.xml()
			.replace(header, "")
			.replace("</channel>\n</rss>\n", "")
			.getBytes(StandardCharsets.UTF_8);
		java.util.Enumeration<InputStream> parts = new java.util.Enumeration<>() {
			int n = 0;

			@Override
			public boolean hasMoreElements() {
				return this.n <= 20_001;
			}

			@Override
			public InputStream nextElement() {
				this.n++;
				if (this.n == 1) {
					return stream(header);
				}
				return (this.n <= 20_001) ? new ByteArrayInputStream(item) : stream("</channel></rss>");
			}
		};
		long count = 0;
		try (WxrReader reader = WxrReader.open(new SequenceInputStream(parts))) {
			while (reader.hasNext()) {
				assertThat(reader.next().title()).isEqualTo("Новость");
				count++;
			}
		}
		assertThat(count).isEqualTo(20_000);
	}

	private static List<WxrItem> readAll(String xml) {
		List<WxrItem> items = new ArrayList<>();
		try (WxrReader reader = WxrReader.open(stream(xml))) {
			while (reader.hasNext()) {
				items.add(reader.next());
			}
		}
		return items;
	}

	private static InputStream stream(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
