package io.qalam.newsroom;

import java.util.UUID;

import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.media.TestImages;
import io.qalam.accounts.Role;
import io.qalam.accounts.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library and the lead image through the newsroom's real forms: multipart
 * uploads over HTTP, named and typed as browsers send them.
 */
@QalamTest
class NewsroomMediaTests {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private NewsroomClient reporter;

	private NewsroomClient editor;

	@BeforeEach
	void logIn() {
		this.reporter = client(Role.REPORTER);
		this.editor = client(Role.EDITOR);
	}

	@Test
	void aPngNamedJpgIsAcceptedAndFoundByItsCredit() {
		String credit = "Photo: Dana " + UUID.randomUUID().toString().substring(0, 8);
		this.reporter.get("/newsroom/media");
		var uploaded = this.reporter.postMultipart("/newsroom/media",
				new NewsroomClient.FilePart("file", "photo.jpg", "image/jpeg", TestImages.png(640, 480)), "caption",
				"Almaty at dusk", "credit", credit);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/newsroom/media?edition=").contains("&uploaded=");
		long id = Long.parseLong(location.substring(location.indexOf("uploaded=") + 9));

		Document found = Jsoup.parse(this.reporter.get("/newsroom/media?q=" + credit.replace(' ', '+')).body());
		assertThat(found.select(".media-grid li")).hasSize(1);
		assertThat(found.selectFirst(".media-grid li").text()).contains("Image " + id, "640 × 480");
		assertThat(found.selectFirst(".media-grid img").attr("srcset"))
			.isEqualTo("/media/" + id + "/480.jpg 480w, /media/" + id + "/640.jpg 640w");
		var variant = new WebClient(this.port).get("/media/" + id + "/480.jpg");
		assertThat(variant.statusCode()).isEqualTo(200);
		assertThat(variant.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000",
				"immutable");
	}

	@Test
	void aTextFileNamedJpgIsRefusedWithAClearMessage() {
		long before = images();
		this.reporter.get("/newsroom/media");
		var refused = this.reporter.postMultipart("/newsroom/media",
				new NewsroomClient.FilePart("file", "photo.jpg", "image/jpeg", "Not a photo, just words.".getBytes()),
				"caption", "Kept caption", "credit", "Kept credit");
		assertThat(refused.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.selectFirst(".error").text()).startsWith("This file is not a JPEG, PNG or WebP image.");
		assertThat(page.selectFirst("#upload-caption").attr("value")).isEqualTo("Kept caption");
		assertThat(images()).isEqualTo(before);

		var truncated = this.reporter.postMultipart("/newsroom/media", new NewsroomClient.FilePart("file", "cut.jpg",
				"image/jpeg", TestImages.truncated(TestImages.jpeg(900, 600), 0.5)));
		assertThat(truncated.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(truncated.body()).selectFirst(".error").text()).contains("damaged or incomplete");
		assertThat(images()).isEqualTo(before);
	}

	@Test
	void aReporterUploadsTheLeadImageWithTheDraftAndReadersSeeItWithSrcset() {
		String headline = "Lead image " + UUID.randomUUID().toString().substring(0, 8);
		this.reporter.get("/newsroom/articles/new");
		var created = this.reporter.postMultipart("/newsroom/articles",
				new NewsroomClient.FilePart("leadImageFile", "IMG_2041.JPG", "image/jpeg",
						TestImages.jpegWithExif(1600, 1000, 1)),
				"edition", "en", "headline", headline, "lead", "A lead.", "body", "<p>Body.</p>", "section", "world",
				"tags", "", "leadImageCaption", "The square in the morning", "leadImageCredit", "Photo: Qalam");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long article = Long.parseLong(location.replaceAll(".*/articles/(\\d+).*", "$1"));
		Long image = this.jdbc.sql("SELECT lead_image_id FROM articles WHERE id = :id")
			.param("id", article)
			.query(Long.class)
			.single();
		assertThat(image).isNotNull();

		Document editorPage = Jsoup.parse(this.editor.get("/newsroom/articles/" + article).body());
		assertThat(editorPage.selectFirst("input[name=leadImage][checked]").attr("value")).isEqualTo(image.toString());
		assertThat(editorPage.selectFirst("#leadImageCaption").attr("value")).isEqualTo("The square in the morning");
		var published = this.editor.post("/newsroom/articles/" + article, EditorFormFields.of(editorPage, "action",
				"publish", "version", editorPage.selectFirst("input[name=version]").val()));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(302);

		String path = this.jdbc.sql("SELECT slug FROM articles WHERE id = :id")
			.param("id", article)
			.query(String.class)
			.single();
		Document home = Jsoup.parse(new WebClient(this.port).get("/en/").body());
		var link = home.select("a").stream().filter((a) -> a.text().equals(headline)).findFirst().orElseThrow();
		Document page = Jsoup.parse(new WebClient(this.port).get(link.attr("href")).body());
		assertThat(link.attr("href")).endsWith(path);
		var img = page.selectFirst("article figure img");
		assertThat(img.attr("srcset")).contains("/media/" + image + "/480.jpg 480w",
				"/media/" + image + "/1440.jpg 1440w");
		assertThat(img.attr("sizes")).isNotEmpty();
		assertThat(page.selectFirst("article figure figcaption").text()).contains("The square in the morning",
				"Photo: Qalam");
	}

	@Test
	void aWrongImageNumberOrFileRefusesTheSaveAndKeepsTheText() {
		this.reporter.get("/newsroom/articles/new");
		long before = this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single();
		var unknown = this.reporter.post("/newsroom/articles", "edition", "en", "headline", "Kept headline", "lead", "",
				"body", "<p>Kept body.</p>", "section", "world", "leadImageNumber", "999999999");
		assertThat(unknown.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(unknown.body());
		assertThat(page.selectFirst("#lead-image-error").text())
			.isEqualTo("There is no image 999999999 in the media library");
		assertThat(page.selectFirst("#headline").attr("value")).isEqualTo("Kept headline");

		var notDigits = this.reporter.post("/newsroom/articles", "edition", "en", "headline", "Kept headline",
				"section", "world", "leadImageNumber", "12; DROP TABLE images");
		assertThat(notDigits.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(notDigits.body()).selectFirst("#lead-image-error").text())
			.isEqualTo("An image number has digits only");

		var badFile = this.reporter.postMultipart("/newsroom/articles",
				new NewsroomClient.FilePart("leadImageFile", "photo.jpg", "image/jpeg", "<html>".getBytes()), "edition",
				"en", "headline", "Kept headline", "body", "<p>Kept body.</p>", "section", "world");
		assertThat(badFile.statusCode()).isEqualTo(400);
		Document refused = Jsoup.parse(badFile.body());
		assertThat(refused.selectFirst("#lead-image-error").text()).startsWith("This file is not a JPEG, PNG or WebP");
		assertThat(refused.selectFirst("#body").text()).isEqualTo("<p>Kept body.</p>");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void reportersDescribeOnlyTheirOwnUploads() {
		this.editor.get("/newsroom/media");
		String location = this.editor
			.postMultipart("/newsroom/media",
					new NewsroomClient.FilePart("file", "a.png", "image/png", TestImages.png(200, 100)), "caption",
					"Editor's picture", "credit", "Qalam")
			.headers()
			.firstValue("Location")
			.orElseThrow();
		String id = location.substring(location.indexOf("uploaded=") + 9);
		this.reporter.get("/newsroom/media");
		var forbidden = this.reporter.post("/newsroom/media/" + id, "edition", "en", "caption", "Changed", "credit",
				"Someone");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		var own = this.editor.post("/newsroom/media/" + id, "edition", "en", "caption", "Better caption", "credit",
				"Photo: Qalam");
		assertThat(own.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT caption FROM image_captions WHERE image_id = :id AND edition = 'en'")
			.param("id", Long.valueOf(id))
			.query(String.class)
			.single()).isEqualTo("Better caption");
	}

	@Test
	void eachEditionCaptionsAnImageInItsOwnWords() {
		String word = UUID.randomUUID().toString().substring(0, 8);
		this.editor.get("/newsroom/media?edition=ru");
		String id = upload(this.editor, "ru", "Байтерек на закате " + word, "Фото: Qalam");

		// The English library shows no caption of its own, and the Russian one to
		// translate from
		Document english = Jsoup.parse(this.editor.get("/newsroom/media?edition=en&q=" + word).body());
		assertThat(english.selectFirst("#caption-" + id).attr("value")).isEmpty();
		assertThat(english.selectFirst(".other-caption").text()).contains("Байтерек на закате " + word);
		assertThat(english.selectFirst("nav.tabs a[aria-current=page]").attr("href")).contains("edition=en");
		// The English editor's toolbar is not offered the Russian caption
		String json = this.editor.get("/newsroom/editor/images?edition=en&q=" + word).body();
		assertThat(json).contains("\"caption\":\"\"").doesNotContain("Байтерек");
		assertThat(this.editor.get("/newsroom/editor/images?edition=ru&q=" + word).body())
			.contains("Байтерек на закате " + word);

		var described = this.editor.post("/newsroom/media/" + id, "edition", "en", "caption",
				"Baiterek at sunset " + word, "credit", "Photo: Qalam");
		assertThat(described.statusCode()).isEqualTo(302);
		assertThat(captions(id)).isEqualTo(2);
		// no edition named: refused, nothing changed
		var unnamed = this.editor.post("/newsroom/media/" + id, "caption", "Whose words?", "credit", "");
		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unnamed.body()).selectFirst(".error").text())
			.isEqualTo("Choose the edition whose caption this is.");
		assertThat(this.editor.post("/newsroom/media/" + id, "edition", "xx", "caption", "?").statusCode())
			.isEqualTo(400);
		assertThat(captions(id)).isEqualTo(2);

		// An English article leading with it, without words of its own, shows the
		// English caption to readers
		String headline = "Baiterek " + word;
		Document editorPage = publishLeadingWith(headline, id);
		assertThat(editorPage.selectFirst("input[name=leadImage][checked]").parent().text())
			.contains("Baiterek at sunset")
			.doesNotContain("Байтерек");
		Document home = Jsoup.parse(new WebClient(this.port).get("/en/").body());
		var link = home.select("a").stream().filter((a) -> a.text().equals(headline)).findFirst().orElseThrow();
		Document page = Jsoup.parse(new WebClient(this.port).get(link.attr("href")).body());
		assertThat(page.selectFirst("article figure figcaption").text()).contains("Baiterek at sunset " + word);
		assertThat(page.selectFirst("article figure img").attr("alt")).isEqualTo("Baiterek at sunset " + word);
	}

	@Test
	void theFocalPointKeepsTheSubjectInViewWhereTeasersCrop() {
		String word = UUID.randomUUID().toString().substring(0, 8);
		this.reporter.get("/newsroom/media");
		String id = upload(this.reporter, "en", "Focus " + word, "");
		Document library = Jsoup.parse(this.reporter.get("/newsroom/media?edition=en&q=" + word).body());
		assertThat(library.selectFirst("#focus-x-" + id).attr("value")).isEqualTo("50");

		for (String[] bad : new String[][] { { "101", "20" }, { "-1", "20" }, { "", "20" }, { "30", "x" },
				{ "30", "99999" } }) {
			var refused = this.reporter.post("/newsroom/media/" + id + "/focus", "x", bad[0], "y", bad[1]);
			assertThat(refused.statusCode()).as(String.join(",", bad)).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).selectFirst(".error").text())
				.isEqualTo("The focal point is given in percent from the left and from the top, each from 0 to 100.");
		}
		var saved = this.reporter.post("/newsroom/media/" + id + "/focus", "x", "72", "y", "18", "edition", "en");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("focused=" + id);
		// someone else's upload: an editor may, a reporter may not
		assertThat(client(Role.REPORTER).post("/newsroom/media/" + id + "/focus", "x", "10", "y", "10").statusCode())
			.isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT focus_x || ',' || focus_y FROM images WHERE id = :id")
			.param("id", Long.valueOf(id))
			.query(String.class)
			.single()).isEqualTo("72,18");

		// a teaser of an article leading with it keeps that point in view
		String headline = "Focus " + word;
		publishLeadingWith(headline, id);
		Document section = Jsoup.parse(new WebClient(this.port).get("/en/section/world").body());
		var teaser = section.select("article.teaser")
			.stream()
			.filter((t) -> t.text().contains(headline))
			.findFirst()
			.orElseThrow();
		assertThat(teaser.selectFirst(".teaser-image img").className()).isEqualTo("fx-70 fy-20");
		assertThat(teaser.selectFirst(".teaser-image source").attr("type")).isEqualTo("image/webp");
	}

	// An English article leading with the image, published by the editor; the editor's
	// page of it as it was before publishing
	private Document publishLeadingWith(String headline, String image) {
		this.editor.get("/newsroom/articles/new");
		var created = this.editor.post("/newsroom/articles", "edition", "en", "headline", headline, "lead", "A lead.",
				"body", "<p>Body.</p>", "section", "world", "leadImage", image);
		String article = created.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/articles/(\\d+).*", "$1");
		Document editorPage = Jsoup.parse(this.editor.get("/newsroom/articles/" + article).body());
		var published = this.editor.post("/newsroom/articles/" + article, EditorFormFields.of(editorPage, "action",
				"publish", "version", editorPage.selectFirst("input[name=version]").val()));
		assertThat(published.statusCode()).isEqualTo(302);
		return editorPage;
	}

	// An upload to the library in an edition's words; its image number
	private static String upload(NewsroomClient client, String edition, String caption, String credit) {
		String location = client
			.postMultipart("/newsroom/media",
					new NewsroomClient.FilePart("file", "a.jpg", "image/jpeg", TestImages.jpeg(1200, 800)), "edition",
					edition, "caption", caption, "credit", credit)
			.headers()
			.firstValue("Location")
			.orElseThrow();
		assertThat(location).contains("edition=" + edition);
		return location.substring(location.indexOf("uploaded=") + 9);
	}

	private long captions(String image) {
		return this.jdbc.sql("SELECT COUNT(*) FROM image_captions WHERE image_id = :id")
			.param("id", Long.valueOf(image))
			.query(Long.class)
			.single();
	}

	private long images() {
		return this.jdbc.sql("SELECT COUNT(*) FROM images").query(Long.class).single();
	}

	private NewsroomClient client(Role role) {
		String username = TestAccounts.create(this.accounts, role);
		NewsroomClient client = new NewsroomClient(this.port);
		client.login(username, PASSWORD);
		return client;
	}

}
