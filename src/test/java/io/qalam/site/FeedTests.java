package io.qalam.site;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.qalam.QalamTest;
import io.qalam.WebClient;
import io.qalam.accounts.Role;
import io.qalam.content.Actor;
import io.qalam.content.ArticleStatus;
import io.qalam.content.ArticleWorkflow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/** RSS and Atom feeds, read back with ROME as aggregators read them. */
@QalamTest
class FeedTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticleWorkflow workflow;

	@Test
	void aLeadWithMarkupReachesFeedReadersAsText() throws Exception {
		// RSS readers take <description> as HTML: the lead's markup must arrive escaped
		String headline = "Markup lead " + UUID.randomUUID().toString().substring(0, 8);
		article(this.context).in("en")
			.section("economy")
			.headline(headline)
			.lead("<script>alert(1)</script> & <b>bold</b>")
			.publishedAt(Instant.now().minusSeconds(60))
			.create();
		for (String feed : new String[] { "/en/rss.xml", "/en/section/economy/rss.xml" }) {
			SyndEntry entry = read(new WebClient(this.port).get(feed).body()).getEntries()
				.stream()
				.filter((e) -> e.getTitle().equals(headline))
				.findFirst()
				.orElseThrow();
			assertThat(entry.getDescription().getValue()).as(feed)
				.isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
		}
		SyndEntry atom = read(new WebClient(this.port).get("/en/atom.xml").body()).getEntries()
			.stream()
			.filter((e) -> e.getTitle().equals(headline))
			.findFirst()
			.orElseThrow();
		assertThat(atom.getDescription().getValue()).isEqualTo("<script>alert(1)</script> & <b>bold</b>");
	}

	@Test
	void controlCharactersAlreadyStoredNeverMakeAFeedOrSitemapMalformed() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		var created = article(this.context).in("en")
			.headline("Bell tab feed nul " + unique)
			.section("economy")
			.publishedAt(Instant.now().minusSeconds(60))
			.create();
		// Stored before input was cleaned: written past every write path
		this.jdbc.sql("UPDATE articles SET headline = :headline, lead = :lead WHERE id = :id")
			.param("headline", "Bell\u0007 tab\u000B feed\u000C nul\u0000 " + unique)
			.param("lead", "Lead\u0001 " + unique)
			.param("id", created.id())
			.update();
		try {
			WebClient web = new WebClient(this.port);
			for (String path : new String[] { "/en/rss.xml", "/en/atom.xml", "/en/section/economy/rss.xml",
					"/news-sitemap.xml" }) {
				var response = web.get(path);
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
				var document = factory.newDocumentBuilder()
					.parse(new org.xml.sax.InputSource(new StringReader(response.body())));
				assertThat(document.getDocumentElement().getTextContent()).as(path)
					.contains("Bell tab feed nul " + unique);
			}
		}
		finally {
			// off the shared site again, so that no other test's page shows it
			this.workflow.unpublish(new Actor("feed-tests", Role.EDITOR), created.id(), 0);
		}
	}

	@Test
	void theEditionFeedHasTheLatestArticlesWithLinksDatesAndImages() throws Exception {
		String headline = "Feed story " + UUID.randomUUID().toString().substring(0, 8);
		Instant published = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
		var created = article(this.context).in("en")
			.section("economy")
			.headline(headline)
			.lead("A lead for the feed.")
			.withImage()
			.publishedAt(published)
			.create();
		String hidden = "Not yet " + UUID.randomUUID().toString().substring(0, 8);
		article(this.context).in("en").headline(hidden).status(ArticleStatus.DRAFT).create();

		var response = new WebClient(this.port).get("/en/rss.xml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
		SyndFeed rss = read(response.body());
		assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
		assertThat(rss.getLanguage()).isEqualTo("en");
		assertThat(rss.getLink()).isEqualTo("https://qalam.example/en/");
		assertThat(rss.getEntries()).hasSizeLessThanOrEqualTo(50);
		assertThat(rss.getEntries()).extracting(SyndEntry::getTitle).doesNotContain(hidden);
		// Other tests publish too: the story is found by its headline among the newest
		SyndEntry entry = rss.getEntries()
			.stream()
			.filter((e) -> e.getTitle().equals(headline))
			.findFirst()
			.orElseThrow();
		assertThat(entry.getLink()).isEqualTo("https://qalam.example" + created.path());
		assertThat(entry.getDescription().getValue()).isEqualTo("A lead for the feed.");
		assertThat(entry.getPublishedDate().toInstant()).isEqualTo(published);
		assertThat(entry.getEnclosures()).singleElement().satisfies((e) -> {
			assertThat(e.getUrl()).matches("https://qalam\\.example/media/\\d+/\\d+\\.jpg");
			assertThat(e.getType()).isEqualTo("image/jpeg");
			assertThat(e.getLength()).isPositive();
		});
		for (int i = 1; i < rss.getEntries().size(); i++) {
			assertThat(rss.getEntries().get(i).getPublishedDate())
				.isBeforeOrEqualTo(rss.getEntries().get(i - 1).getPublishedDate());
		}

		SyndFeed atom = read(new WebClient(this.port).get("/en/atom.xml").body());
		assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
		assertThat(atom.getEntries()).filteredOn((e) -> e.getTitle().equals(headline))
			.singleElement()
			.extracting(SyndEntry::getLink)
			.isEqualTo("https://qalam.example" + created.path());
	}

	@Test
	void aSectionFeedHasOnlyThatSection() throws Exception {
		SyndFeed economy = read(new WebClient(this.port).get("/ru/section/economy/rss.xml").body());
		assertThat(economy.getLanguage()).isEqualTo("ru");
		assertThat(economy.getEntries()).isNotEmpty();
		assertThat(economy.getEntries()).allSatisfy(
				(e) -> assertThat(e.getCategories().get(0).getName()).isEqualTo(economy.getTitle().split(" — ")[0]));
		assertThat(read(new WebClient(this.port).get("/kk/section/sport/atom.xml").body()).getFeedType())
			.isEqualTo("atom_1.0");
		assertThat(new WebClient(this.port).get("/ru/section/nowhere/rss.xml").statusCode()).isEqualTo(404);
		assertThat(new WebClient(this.port).get("/xx/rss.xml").statusCode()).isEqualTo(404);
	}

	@Test
	void everyHomePageLinksItsFeeds() {
		var home = new WebClient(this.port).page("/kk/");
		assertThat(home.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("href"))
			.isEqualTo("/kk/rss.xml");
		assertThat(home.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"))
			.isEqualTo("/kk/atom.xml");
	}

	@Test
	void everyPageInvitesReadersToTheEditionsTelegramChannel() {
		var join = new WebClient(this.port).page("/ru/").selectFirst("a.telegram-join");
		assertThat(join.attr("href")).isEqualTo("https://t.me/qalam_ru");
		assertThat(join.text()).isEqualTo("Подписывайтесь на наш Telegram");
		assertThat(new WebClient(this.port).page("/kk/contacts").selectFirst("a.telegram-join").attr("href"))
			.isEqualTo("https://t.me/qalam_kz");
	}

	private static SyndFeed read(String xml) throws Exception {
		return new SyndFeedInput().build(new StringReader(xml));
	}

}
