package io.qalam.ingest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleWorkflow;
import io.qalam.content.Draft;
import io.qalam.content.EditableArticle;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress export of a Russian and Kazakh portal, written here, imported through the
 * one write path against each database we support (see the subclasses): every post where
 * it belongs, every old address answering 301, and a second run doubling nothing.
 */
abstract class WordPressImportContract {

	// the Cyrillic slug as WordPress keeps it in its export and its links
	private static final String CABLE_CAR = "%d0%ba%d0%b0%d0%bd%d0%b0%d1%82%d0%bd%d0%b0%d1%8f-%d0%b4%d0%be%d1%80%d0%be%d0%b3%d0%b0";

	private static final String ALMATY = "%d0%b0%d0%bb%d0%bc%d0%b0%d1%82%d1%8b";

	@LocalServerPort
	int port;

	@Autowired
	WordPressImport importer;

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	WebClient web;

	@BeforeEach
	void client() {
		this.web = new WebClient(this.port);
	}

	/** The export: {@code n} keeps the ids and addresses of each test apart. */
	static WxrExport portal(int n, String cableCarTitle) {
		String site = "https://old" + n + ".example.kz";
		long ru = n * 1000L + 1;
		long kk = ru + 1;
		return new WxrExport(site).author("aigerim", "Айгерим Сарсенова")
			.author("admin", "admin")
			.category("kazakhstan", "Казахстан", "")
			.category(ALMATY, "Алматы", "kazakhstan")
			.category("economy", "Экономика", "")
			.tag("transport" + n, "Транспорт " + n)
			.translations("pll_" + n, "ru", ru, "kk", kk)
			.item(ru, "post", "publish", cableCarTitle, CABLE_CAR + "-" + n, "2019-05-03 04:30:00",
					"""
							<!-- wp:paragraph -->
							Канатная дорога на Кок-Тобе снова работает. <a href="/?p=%2$d">По-казахски</a>.

							[caption id="attachment_7" align="aligncenter" width="1024"]<img src="https://old%1$d.example.kz/wp-content/uploads/2019/05/kok-tobe-1024x576.jpg" alt="Кабинки" /> Кабинки над городом[/caption]

							https://www.youtube.com/watch?v=dQw4w9WgXcQ

							<script>alert('x')</script>
							<!-- /wp:paragraph -->"""
						.formatted(n, kk),
					"""
							<dc:creator><![CDATA[aigerim]]></dc:creator>
							<excerpt:encoded><![CDATA[Подъёмник <b>открылся</b> после ремонта.]]></excerpt:encoded>
							<wp:is_sticky>1</wp:is_sticky>
							<category domain="category" nicename="%2$s"><![CDATA[Алматы]]></category>
							<category domain="post_tag" nicename="transport%1$d"><![CDATA[Транспорт %1$d]]></category>
							<category domain="language" nicename="ru"><![CDATA[Русский]]></category>
							<category domain="post_translations" nicename="pll_%1$d"><![CDATA[pll_%1$d]]></category>
							<wp:postmeta><wp:meta_key><![CDATA[_yoast_wpseo_metadesc]]></wp:meta_key><wp:meta_value><![CDATA[Кок-Тобе снова возит]]></wp:meta_value></wp:postmeta>
							"""
						.formatted(n, ALMATY),
					site + "/2019/05/03/" + CABLE_CAR + "-" + n + "/")
			.item(kk, "post", "publish", "Көктөбе аспалы жолы қайта ашылды", "koktobe-" + n, "2019-05-03 05:00:00",
					"<p>Аспалы жол қайта жұмыс істейді. <a href=\"" + site + "/2019/05/03/" + CABLE_CAR + "-" + n
							+ "/#comments\">Орысша</a></p>",
					"""
							<dc:creator><![CDATA[aigerim]]></dc:creator>
							<category domain="category" nicename="kazakhstan"><![CDATA[Казахстан]]></category>
							<category domain="language" nicename="kk"><![CDATA[Қазақша]]></category>
							<category domain="post_translations" nicename="pll_%1$d"><![CDATA[pll_%1$d]]></category>
							""".formatted(n), site + "/kk/2019/05/03/koktobe-" + n + "/")
			.item(ru + 2, "post", "future", "Тенге в январе", "tenge-" + n, "2031-01-10 03:00:00", "<p>Прогноз.</p>",
					"<category domain=\"category\" nicename=\"economy\"><![CDATA[Экономика]]></category>")
			.item(ru + 3, "post", "draft", "Черновик " + n, "", "0000-00-00 00:00:00", "<p>Пишется.</p>",
					"<category domain=\"category\" nicename=\"economy\"><![CDATA[Экономика]]></category>")
			.item(ru + 4, "post", "pending", "На проверке " + n, "na-proverke-" + n, "0000-00-00 00:00:00",
					"<p>Ждёт редактора.</p>", "")
			.item(ru + 5, "post", "private", "Личное " + n, "lichnoe-" + n, "2019-05-04 05:00:00", "<p>.</p>", "")
			.item(ru + 6, "post", "trash", "Удалено " + n, "udaleno-" + n, "2019-05-04 05:00:00", "<p>.</p>", "")
			.item(ru + 7, "page", "publish", "О нас " + n, "o-nas-" + n, "2015-01-01 00:00:00", "<p>Мы.</p>", "");
	}

	@Test
	void postsArriveWhereTheyBelongAndEveryOldAddressAnswers301() throws IOException {
		ImportReport report = run(portal(1, "Канатная дорога снова работает"));
		assertThat(report.failure()).isNull();
		assertThat(report.imported()).isEqualTo(5);
		assertThat(report.skipped()).isEqualTo(3);
		assertThat(report.count(ImportReport.STICKY, 0)).isEqualTo(1);
		assertThat(report.lines()).extracting(ImportReport.Line::text)
			.contains("skipped: private on the old site", "skipped: in the old site's trash",
					"skipped: a page; static pages are the site's own texts");
		assertThat(report.lines()).extracting(ImportReport.Line::text)
			.anySatisfy((text) -> assertThat(text).startsWith("taken out of its text: ").contains("<script>"));

		Map<String, Object> cableCar = article(1001);
		assertThat(cableCar).containsEntry("status", "PUBLISHED")
			.containsEntry("slug", "kanatnaya-doroga-1")
			.containsEntry("lead", "Подъёмник открылся после ремонта.")
			.containsEntry("seo_description", "Кок-Тобе снова возит")
			.containsEntry("modified_by", "import");
		assertThat(instant(cableCar.get("published_at"))).isEqualTo(Instant.parse("2019-05-03T04:30:00Z"));
		String path = "/ru/2019/05/03/kanatnaya-doroga-1";

		// the permalink as WordPress wrote it, in either case of hex, with and without
		// its slash
		for (String old : List.of("/2019/05/03/" + CABLE_CAR + "-1/", "/2019/05/03/" + CABLE_CAR.toUpperCase() + "-1",
				"/?p=1001")) {
			HttpResponse<String> moved = this.web.get(old);
			assertThat(moved.statusCode()).as(old).isEqualTo(301);
			assertThat(moved.headers().firstValue("Location").orElseThrow()).as(old).endsWith(path);
		}
		assertThat(location("/kk/2019/05/03/koktobe-1/")).endsWith("/kk/2019/05/03/koktobe-1");
		assertThat(location("/category/kazakhstan/")).endsWith("/ru/section/kazakhstan");
		assertThat(location("/category/kazakhstan/" + ALMATY + "/")).endsWith("/ru/tag/almaty");
		assertThat(location("/tag/transport1/")).endsWith("/ru/tag/transport-1");

		Document page = this.web.page(path);
		assertThat(page.select("h1").text()).isEqualTo("Канатная дорога снова работает");
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("Кок-Тобе снова возит");
		assertThat(page.select("article").text()).contains("Канатная дорога на Кок-Тобе снова работает",
				"Кабинки над городом", "Айгерим Сарсенова");
		assertThat(page.select("figure.embed[data-embed=youtube]")).hasSize(1);
		assertThat(page.html()).doesNotContain("alert(").doesNotContain("old1.example.kz/wp-content");
		assertThat(page.select("a[href=/ru/section/kazakhstan]")).isNotEmpty();
		assertThat(page.select("a[href=/ru/tag/almaty]")).isNotEmpty();
		assertThat(page.select("a[href=/ru/tag/transport-1]")).isNotEmpty();

		// Polylang's pair is one story: the Kazakh page offers the Russian one
		long kk = localId(1002);
		assertThat(this.workflow.translations(kk)).containsEntry("ru", localId(1001));
		assertThat(this.web.page("/kk/2019/05/03/koktobe-1").select("a[hreflang=ru]").attr("href")).endsWith(path);
		// links between the old posts lead to the new addresses, forwards and backwards
		assertThat(report.count(ImportReport.RELINKED, 0)).isEqualTo(2);
		assertThat(this.web.page("/kk/2019/05/03/koktobe-1").select(".article-body a").attr("href"))
			.isEqualTo(path + "#comments");
		assertThat(page.select(".article-body a").eachAttr("href")).contains("/kk/2019/05/03/koktobe-1");

		Map<String, Object> scheduled = article(1003);
		assertThat(scheduled).containsEntry("status", "SCHEDULED").containsEntry("published_at", null);
		assertThat(instant(scheduled.get("scheduled_at"))).isEqualTo(Instant.parse("2031-01-10T03:00:00Z"));
		assertThat(article(1004)).containsEntry("status", "DRAFT").containsEntry("owner_username", "import");
		assertThat(article(1005)).containsEntry("status", "DRAFT").containsEntry("section_id", sectionId("kazakhstan"));
		assertThat(this.web.get("/?p=1003").statusCode()).as("not published yet: no address").isEqualTo(302);
	}

	@Test
	void importingAgainUpdatesWhatChangedAndDuplicatesNothing() throws IOException {
		run(portal(2, "Канатная дорога снова работает"));
		long articles = count("articles");
		long redirects = count("redirects");
		long revisions = revisions(localId(2001));

		ImportReport again = run(portal(2, "Канатная дорога снова работает"));
		assertThat(again.imported()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(5);
		assertThat(count("articles")).isEqualTo(articles);
		assertThat(count("redirects")).isEqualTo(redirects);

		ImportReport changed = run(portal(2, "Канатная дорога снова возит туристов"));
		assertThat(changed.updated()).isEqualTo(1);
		assertThat(changed.unchanged()).isEqualTo(4);
		assertThat(count("articles")).isEqualTo(articles);
		assertThat(revisions(localId(2001))).isEqualTo(revisions + 1);
		// its address stays what readers and the redirects know
		assertThat(this.web.page("/ru/2019/05/03/kanatnaya-doroga-2").select("h1").text())
			.isEqualTo("Канатная дорога снова возит туристов");
		assertThat(location("/?p=2001")).endsWith("/ru/2019/05/03/kanatnaya-doroga-2");

		// an editor's change since the import is never overwritten
		long id = localId(2001);
		EditableArticle edited = this.workflow.find(id).orElseThrow();
		Actor editor = new Actor("editor-import", Role.EDITOR);
		Draft text = edited.draft();
		this.workflow.save(editor, id, edited.version(),
				new Draft("Канатная дорога: правка редакции", text.lead(), text.bodyHtml(), text.sectionSlug(),
						text.tags(), text.slug(), text.sourceLine(), text.seoDescription(), text.authorSlugs(), null,
						text.leadImageId(), text.leadImageCaption(), text.leadImageCredit()));
		ImportReport afterEdit = run(portal(2, "Канатная дорога: третья версия"));
		assertThat(afterEdit.updated()).isZero();
		assertThat(afterEdit.lines()).extracting(ImportReport.Line::text)
			.contains("skipped: it was changed in the newsroom since it was imported; left as it is");
		assertThat(this.web.page("/ru/2019/05/03/kanatnaya-doroga-2").select("h1").text())
			.isEqualTo("Канатная дорога: правка редакции");
	}

	@Test
	void aFileThatBreaksOffLeavesWholeArticlesOnly() throws IOException {
		String xml = portal(3, "Канатная дорога снова работает").xml();
		// cut inside the second post's text
		String cut = xml.substring(0, xml.indexOf("Аспалы жол қайта"));
		ImportReport report = run(cut);
		assertThat(report.failure()).contains("line");
		assertThat(report.imported()).isZero();
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM import_sources WHERE source = 'old3.example.kz' AND kind = 'post'")
					.query(Long.class)
					.single())
			.isZero();
		assertThat(this.web.get("/?p=3001").statusCode()).isNotEqualTo(301);
	}

	@Test
	void picturesComeFromTheUploadsFolderOnceEach() throws Exception {
		String site = "https://old4.example.kz";
		String view = "%d0%b2%d0%b8%d0%b4";
		WxrExport export = new WxrExport(site).category("kazakhstan", "Казахстан", "")
			.item(4001, "post", "publish", "Вид на Кок-Тобе", "vid-na-kok-tobe", "2019-05-03 04:30:00",
					"""
							Первый абзац.

							<img class="alignnone size-medium" src="%1$s/wp-content/uploads/2019/05/%2$s-300x200.jpg" alt="Вид на горы" />

							[caption id="attachment_4090" width="1024"]<a href="%1$s/wp-content/uploads/2019/05/kok-tobe.jpg"><img src="%1$s/wp-content/uploads/2019/05/kok-tobe-1024x576.jpg" alt="" /></a> Кабинки над городом[/caption]

							<img src="%1$s/wp-content/uploads/2019/05/missing.jpg" alt="" />"""
						.formatted(site, view),
					"""
							<category domain="category" nicename="kazakhstan"><![CDATA[Казахстан]]></category>
							<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[4091]]></wp:meta_value></wp:postmeta>
							""",
					site + "/2019/05/03/vid-na-kok-tobe/")
			// attachments after the post that shows them, as WordPress may write them
			.item(4090, "attachment", "inherit", "Кок-Тобе", "kok-tobe", "2019-05-03 04:00:00", "", """
					<wp:attachment_url><![CDATA[%s/wp-content/uploads/2019/05/kok-tobe.jpg]]></wp:attachment_url>
					""".formatted(site))
			.item(4091, "attachment", "inherit", "Вид", "vid", "2019-05-03 04:00:00", "", """
					<excerpt:encoded><![CDATA[Горы над Алматы]]></excerpt:encoded>
					<wp:attachment_url><![CDATA[%s/wp-content/uploads/2019/05/%s.jpg]]></wp:attachment_url>
					""".formatted(site, view))
			.item(4092, "attachment", "inherit", "Отчёт", "otchet", "2019-05-03 04:00:00", "", """
					<wp:attachment_url><![CDATA[%s/wp-content/uploads/2019/05/otchet.pdf]]></wp:attachment_url>
					""".formatted(site));
		Path uploads = this.dir.resolve("uploads");
		Path may = Files.createDirectories(uploads.resolve("2019/05"));
		picture(may.resolve("kok-tobe.jpg"), 1600, 900);
		// a folder copied from a Mac keeps й and ё decomposed; вид has none, so decompose
		// by hand
		picture(may.resolve(java.text.Normalizer.normalize("вид.jpg", java.text.Normalizer.Form.NFD)), 1200, 800);
		long images = count("images");

		ImportReport report = run(export.xml(), WordPressUploads.directory(uploads));
		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.count(ImportReport.PICTURES, 0)).isEqualTo(2);
		assertThat(count("images")).isEqualTo(images + 2);
		assertThat(report.lines()).extracting(ImportReport.Line::text)
			.contains("skipped: an attachment that is not a JPEG, PNG or WebP picture")
			.anySatisfy(
					(text) -> assertThat(text).startsWith("picture not in the uploads folder").endsWith("missing.jpg"));

		Map<String, Object> article = article(4001);
		Long lead = (Long) article.get("lead_image_id");
		assertThat(lead).isNotNull();
		assertThat(article).containsEntry("lead_image_caption", "Горы над Алматы");
		Document page = this.web.page("/ru/2019/05/03/vid-na-kok-tobe");
		assertThat(page.select(".article-body figure.image img[src^=/media/]")).hasSize(2);
		assertThat(page.select(".article-body figure.image figcaption").eachText()).contains("Кабинки над городом",
				"Вид на горы");
		assertThat(page.select(".article-body > *").stream().map(org.jsoup.nodes.Element::tagName))
			.as("the paragraph, then the figures")
			.containsExactly("p", "figure", "figure");
		assertThat(page.select(".article-body p").first().text()).isEqualTo("Первый абзац.");
		assertThat(page.select(".lead-photo figcaption").text()).startsWith("Горы над Алматы");
		assertThat(page.html()).doesNotContain("old4.example.kz/wp-content");

		// again: the same pictures, none stored twice
		ImportReport again = run(export.xml(), WordPressUploads.directory(uploads));
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(again.count(ImportReport.PICTURES, 0)).isZero();
		assertThat(count("images")).isEqualTo(images + 2);
	}

	private static void picture(Path file, int width, int height) throws IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.ORANGE, width, height, java.awt.Color.BLUE));
		g.fillRect(0, 0, width, height);
		g.dispose();
		javax.imageio.ImageIO.write(image, "jpg", file.toFile());
	}

	private ImportReport run(String xml, WordPressUploads uploads) throws IOException {
		Path file = Files.writeString(this.dir.resolve("export-" + System.nanoTime() + ".xml"), xml,
				StandardCharsets.UTF_8);
		return this.importer.run(file, new WordPressImport.Options("ru"), uploads, (read, size, report) -> {
		});
	}

	private ImportReport run(WxrExport export) throws IOException {
		return run(export.xml());
	}

	private ImportReport run(String xml) throws IOException {
		Path file = Files.writeString(this.dir.resolve("export-" + System.nanoTime() + ".xml"), xml,
				StandardCharsets.UTF_8);
		return this.importer.run(file, new WordPressImport.Options("ru"), (read, size, report) -> {
		});
	}

	private String location(String old) {
		HttpResponse<String> moved = this.web.get(old);
		assertThat(moved.statusCode()).as(old).isEqualTo(301);
		return moved.headers().firstValue("Location").orElseThrow();
	}

	private long localId(long postId) {
		return this.jdbc.sql("SELECT local_id FROM import_sources WHERE kind = 'post' AND source_key = :key")
			.param("key", Long.toString(postId))
			.query(Long.class)
			.single();
	}

	private Map<String, Object> article(long postId) {
		Map<String, Object> row = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT status, slug, lead, seo_description, modified_by, owner_username, section_id, published_at,
				       scheduled_at, lead_image_id, lead_image_caption
				FROM articles WHERE id = :id""")
			.param("id", localId(postId))
			.query()
			.singleRow()
			.forEach((key, value) -> {
				row.put(key.toLowerCase(java.util.Locale.ROOT), value);
			});
		return row;
	}

	private long sectionId(String slug) {
		return this.jdbc.sql("SELECT id FROM sections WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private long revisions(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM article_revisions WHERE article_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private static Instant instant(Object value) {
		if (value instanceof java.time.OffsetDateTime time) {
			return time.toInstant();
		}
		if (value instanceof java.sql.Timestamp time) {
			return time.toInstant();
		}
		throw new AssertionError("not a time: " + value);
	}

}
