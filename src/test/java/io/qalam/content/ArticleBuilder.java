package io.qalam.content;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;

import org.springframework.context.ApplicationContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data: an article with sensible defaults (in the Russian edition, section
 * Kazakhstan, a unique headline in the edition's language, published thirty days ago so
 * that it stays out of the way of the demo content on the home page), changed only where
 * a test cares.
 */
public final class ArticleBuilder {

	private final ApplicationContext context;

	private String edition = "ru";

	private String section = "kazakhstan";

	private String headline;

	private String lead;

	private String body;

	private Instant publishedAt;

	private ArticleStatus status = ArticleStatus.PUBLISHED;

	private Long storyId;

	private final List<String> tags = new ArrayList<>();

	private boolean withImage;

	private ArticleBuilder(ApplicationContext context) {
		this.context = context;
		this.publishedAt = context.getBean(Clock.class).instant().minus(Duration.ofDays(30));
	}

	public static ArticleBuilder article(ApplicationContext context) {
		return new ArticleBuilder(context);
	}

	public ArticleBuilder in(String edition) {
		this.edition = edition;
		return this;
	}

	public ArticleBuilder section(String slug) {
		this.section = slug;
		return this;
	}

	public ArticleBuilder headline(String headline) {
		this.headline = headline;
		return this;
	}

	public ArticleBuilder lead(String lead) {
		this.lead = lead;
		return this;
	}

	public ArticleBuilder body(String html) {
		this.body = html;
		return this;
	}

	public ArticleBuilder tags(String... tags) {
		this.tags.addAll(List.of(tags));
		return this;
	}

	public ArticleBuilder publishedAt(Instant instant) {
		this.publishedAt = instant;
		return this;
	}

	/** Published, but with a publication time that has not come yet. */
	public ArticleBuilder publishedIn(Duration fromNow) {
		this.publishedAt = this.context.getBean(Clock.class).instant().plus(fromNow);
		return this;
	}

	public ArticleBuilder status(ArticleStatus status) {
		this.status = status;
		return this;
	}

	/** A translation: the same story as {@code other}. */
	public ArticleBuilder translationOf(Created other) {
		this.storyId = other.storyId();
		return this;
	}

	public ArticleBuilder withImage() {
		this.withImage = true;
		return this;
	}

	public Created create() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String text = switch (this.edition) {
			case "ru" -> "Тестовая новость";
			case "kk" -> "Сынақ жаңалығы";
			default -> "Test story";
		};
		String headline = (this.headline != null) ? this.headline : text + " " + unique;
		String lead = (this.lead != null) ? this.lead : text + ": " + unique + ".";
		String body = (this.body != null) ? this.body : "<p>" + text + ".</p>";
		BulkWrites bulk = this.context.getBean(BulkWrites.class);
		JdbcClient jdbc = this.context.getBean(JdbcClient.class);
		long sectionId = jdbc.sql("SELECT id FROM sections WHERE slug = :slug")
			.param("slug", this.section)
			.query(Long.class)
			.single();
		Long imageId = null;
		if (this.withImage) {
			ImageView image = this.context.getBean(MediaLibrary.class)
				.store(new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB),
						java.util.Map.of(this.edition, new ImageView.Caption("Test caption", "Test credit")));
			imageId = image.id();
		}
		Long image = imageId;
		// Through content's bulk write path, like demo content: its batch event keeps the
		// page cache, "Read also" and search in step
		long id = this.context.getBean(TransactionTemplate.class).execute((tx) -> {
			long story = (this.storyId != null) ? this.storyId : bulk.createStory();
			long written = bulk
				.insertPublished(ArticleEvent.Origin.DEMO, List.of(new NewArticle(story, this.edition, sectionId, null,
						headline, lead, body, null, image, null, null, "Source: test", this.publishedAt, this.tags)))
				.get(0);
			if (this.status != ArticleStatus.PUBLISHED) {
				jdbc.sql("UPDATE articles SET status = :status WHERE id = :id")
					.param("status", this.status.name())
					.param("id", written)
					.update();
			}
			return written;
		});
		long story = jdbc.sql("SELECT story_id FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		String slug = jdbc.sql("SELECT slug FROM articles WHERE id = :id").param("id", id).query(String.class).single();
		String path = this.context.getBean(ArticlePaths.class).path(this.edition, this.publishedAt, slug);
		return new Created(id, story, this.edition, slug, path);
	}

	/** What a test needs to find the article again. */
	public record Created(long id, long storyId, String edition, String slug, String path) {
	}

}
