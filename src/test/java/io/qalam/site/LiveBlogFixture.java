package io.qalam.site;

import java.awt.image.BufferedImage;
import java.util.Map;

import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleBuilder;
import io.qalam.content.LiveBlogs;
import io.qalam.content.LiveBlogs.EntryDraft;
import io.qalam.media.MediaLibrary;

import org.springframework.context.ApplicationContext;

/**
 * A running live blog with every kind of entry — text, a picture, an embed, a pinned one
 * — for the tests that check whole pages (valid HTML, accessibility).
 */
final class LiveBlogFixture {

	private LiveBlogFixture() {
	}

	/**
	 * @return the live blog's address
	 */
	static String create(ApplicationContext context) {
		Actor editor = new Actor("live-fixture", Role.EDITOR);
		LiveBlogs liveBlogs = context.getBean(LiveBlogs.class);
		var article = ArticleBuilder.article(context).in("kk").withImage().create();
		long picture = context.getBean(MediaLibrary.class)
			.store(new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB), Map.of())
			.id();
		liveBlogs.start(editor, article.id());
		liveBlogs.post(editor, article.id(), new EntryDraft(
				"Алматыда 4,5 балдық жер сілкінісі сезілді.\n\n" + "Сейсмологтар эпицентр Қырғызстанда екенін айтады.",
				null, "", "", false));
		liveBlogs.post(editor, article.id(),
				new EntryDraft("Медеу маңындағы жол.", picture, "Таңертеңгі жол", "", false));
		liveBlogs.post(editor, article.id(), new EntryDraft("", null, "", "https://youtu.be/dQw4w9WgXcQ", false));
		liveBlogs.post(editor, article.id(), new EntryDraft("Зардап шеккендер жоқ.", null, "", "", true));
		return article.path();
	}

}
