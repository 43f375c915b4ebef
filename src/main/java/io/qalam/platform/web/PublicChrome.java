package io.qalam.platform.web;

import java.time.ZoneId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.SiteProperties;
import io.qalam.platform.web.PublicLayout.Link;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the public layout's model for a page: head metadata, navigation, language
 * switcher and widgets, all in the edition's language. Any module's public pages use it
 * (the site's, the widgets' rates and weather pages); the navigation comes through
 * {@link SiteNavigation}. The widgets are left as {@link SlotMarkers slots}, filled in
 * from {@link WidgetSlots} each time the page is served.
 */
@Component
public class PublicChrome {

	private final Editions editions;

	private final SiteNavigation navigation;

	private final MessageSource messageSource;

	private final SiteProperties site;

	private final Assets assets;

	private final Clock clock;

	private final SlotMarkers slots;

	// per edition: its formats are parsed once, not on every page
	private final Map<String, Dates> dates = new ConcurrentHashMap<>();

	private final Map<String, Messages> messages = new ConcurrentHashMap<>();

	PublicChrome(Editions editions, SiteNavigation navigation, MessageSource messageSource, SiteProperties site,
			Assets assets, Clock clock, SlotMarkers slots) {
		this.slots = slots;
		this.editions = editions;
		this.navigation = navigation;
		this.messageSource = messageSource;
		this.site = site;
		this.assets = assets;
		this.clock = clock;
	}

	/** The edition with this code, or the 404 page. */
	public Edition edition(String code) {
		return this.editions.find(code).orElseThrow(PageNotFound::new);
	}

	public Messages messages(Edition edition) {
		return this.messages.computeIfAbsent(edition.code(),
				(code) -> new Messages(this.messageSource, edition.locale()));
	}

	/** The newsroom's time zone: days of the archive begin at its midnight. */
	public ZoneId zone() {
		return this.site.timeZone();
	}

	public Dates dates(Edition edition) {
		return this.dates.computeIfAbsent(edition.code(), (code) -> new Dates(this.site.timeZone(), edition.locale()));
	}

	/** The web fonts site.css uses, by their versioned addresses. */
	List<String> fonts() {
		return List.of(this.assets.url("/site/fonts/noto-serif-700.woff2"),
				this.assets.url("/site/fonts/noto-serif-400.woff2"));
	}

	public String absolute(String path) {
		return this.site.absolute(path);
	}

	public String siteName() {
		return this.site.name();
	}

	/** Starts a page of {@code edition} at {@code path} titled {@code title}. */
	public Page page(Edition edition, String path, String title) {
		return new Page(edition, path, title);
	}

	/**
	 * The links to the same page in every edition, for pages that exist in all of them
	 * (home, sections, static pages).
	 */
	public List<Link> everyEdition(Edition current, Function<Edition, String> pathIn) {
		return this.editions.all()
			.stream()
			.map((e) -> new Link(e.name(), pathIn.apply(e), e.language(), e.equals(current)))
			.toList();
	}

	/** A page being set up; {@link #build()} gives the layout model. */
	public final class Page {

		private final Edition edition;

		private final String path;

		private final String title;

		private String description;

		private List<Link> languages = List.of();

		private boolean alternatesFromLanguages = true;

		private List<Link> alternates = List.of();

		private PublicLayout.SocialCard social;

		private String jsonLd;

		private boolean noindex;

		private String currentSection;

		private String weatherCity;

		private Page(Edition edition, String path, String title) {
			this.edition = edition;
			this.path = path;
			this.title = title;
		}

		public Page description(String description) {
			this.description = description;
			return this;
		}

		/** The language switcher; also the hreflang alternates unless set apart. */
		public Page languages(List<Link> languages) {
			this.languages = languages;
			return this;
		}

		public Page social(PublicLayout.SocialCard social) {
			this.social = social;
			return this;
		}

		public Page jsonLd(String jsonLd) {
			this.jsonLd = jsonLd;
			return this;
		}

		/**
		 * For error and preview pages: no canonical address, no alternates, not indexed.
		 */
		public Page notIndexed() {
			this.noindex = true;
			this.alternatesFromLanguages = false;
			return this;
		}

		public Page currentSection(String slug) {
			this.currentSection = slug;
			return this;
		}

		/**
		 * The weather widget shows this city (the reader's own) instead of the default.
		 */
		public Page weatherCity(String city) {
			this.weatherCity = city;
			return this;
		}

		public PublicLayout build() {
			return build(PublicChrome.this.navigation.sections(this.edition.code()));
		}

		/**
		 * Builds without reading the database: no navigation. For the error page when the
		 * database itself failed.
		 */
		public PublicLayout buildWithoutDatabase() {
			return build(List.of());
		}

		private PublicLayout build(List<SiteNavigation.Section> sectionList) {
			String code = this.edition.code();
			String home = "/" + this.edition.code() + "/";
			List<Link> nav = new ArrayList<>();
			for (SiteNavigation.Section section : sectionList) {
				nav.add(new Link(section.name(), section.path(), null, section.slug().equals(this.currentSection)));
			}
			if (this.alternatesFromLanguages) {
				this.alternates = this.languages.stream()
					.map((l) -> new Link(l.label(), absolute(l.href()), l.lang(), l.current()))
					.toList();
			}
			String fullTitle = (this.title == null) ? siteName() : this.title + " — " + siteName();
			Messages messages = messages(this.edition);
			return new PublicLayout(this.edition.language(), this.edition.code(), siteName(), home, fullTitle,
					this.description, this.noindex ? null : absolute(this.path), this.alternates, this.languages, nav,
					this.social, this.jsonLd, this.edition.telegramChannel(), this.noindex,
					PublicChrome.this.clock.instant().atZone(PublicChrome.this.site.timeZone()).getYear(), messages,
					dates(this.edition), PublicChrome.this.slots.rates(code),
					PublicChrome.this.slots.weather(code, this.weatherCity), PublicChrome.this.slots.breaking(code),
					PublicChrome.this.slots.mostRead(code), PublicChrome.this.slots.date(code),
					PublicChrome.this.fonts(), PublicChrome.this.assets.url("/site/site.css"),
					PublicChrome.this.assets.url("/site/site.js"));
		}

	}

}
