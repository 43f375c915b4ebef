package io.qalam.site;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.qalam.content.SectionRef;
import io.qalam.content.Sections;
import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.SiteProperties;
import io.qalam.platform.web.Assets;
import io.qalam.platform.web.Dates;
import io.qalam.platform.web.Messages;
import io.qalam.platform.web.PublicLayout;
import io.qalam.platform.web.PublicLayout.Link;
import io.qalam.platform.web.WidgetSlots;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the public layout's model for a page: head metadata, navigation, language
 * switcher and widgets, all in the edition's language.
 */
@Component
class PublicPages {

	private final Editions editions;

	private final Sections sections;

	private final WidgetSlots widgets;

	private final MessageSource messageSource;

	private final SiteProperties site;

	private final Assets assets;

	private final Clock clock;

	PublicPages(Editions editions, Sections sections, WidgetSlots widgets, MessageSource messageSource,
			SiteProperties site, Assets assets, Clock clock) {
		this.editions = editions;
		this.sections = sections;
		this.widgets = widgets;
		this.messageSource = messageSource;
		this.site = site;
		this.assets = assets;
		this.clock = clock;
	}

	/** The edition with this code, or the 404 page. */
	Edition edition(String code) {
		return this.editions.find(code).orElseThrow(PageNotFoundException::new);
	}

	Messages messages(Edition edition) {
		return new Messages(this.messageSource, edition.locale());
	}

	Dates dates(Edition edition) {
		return new Dates(this.site.timeZone(), edition.locale());
	}

	String absolute(String path) {
		return this.site.absolute(path);
	}

	String siteName() {
		return this.site.name();
	}

	/** Starts a page of {@code edition} at {@code path} titled {@code title}. */
	Page page(Edition edition, String path, String title) {
		return new Page(edition, path, title);
	}

	/**
	 * The links to the same page in every edition, for pages that exist in all of them
	 * (home, sections, static pages).
	 */
	List<Link> everyEdition(Edition current, Function<Edition, String> pathIn) {
		return this.editions.all()
			.stream()
			.map((e) -> new Link(e.name(), pathIn.apply(e), e.language(), e.equals(current)))
			.toList();
	}

	/** A page being set up; {@link #build()} gives the layout model. */
	final class Page {

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

		private Page(Edition edition, String path, String title) {
			this.edition = edition;
			this.path = path;
			this.title = title;
		}

		Page description(String description) {
			this.description = description;
			return this;
		}

		/** The language switcher; also the hreflang alternates unless set apart. */
		Page languages(List<Link> languages) {
			this.languages = languages;
			return this;
		}

		Page social(PublicLayout.SocialCard social) {
			this.social = social;
			return this;
		}

		Page jsonLd(String jsonLd) {
			this.jsonLd = jsonLd;
			return this;
		}

		/**
		 * For error and preview pages: no canonical address, no alternates, not indexed.
		 */
		Page notIndexed() {
			this.noindex = true;
			this.alternatesFromLanguages = false;
			return this;
		}

		Page currentSection(String slug) {
			this.currentSection = slug;
			return this;
		}

		PublicLayout build() {
			String city = PublicPages.this.widgets.defaultCity(this.edition.code());
			return build(PublicPages.this.sections.all(this.edition.code()), PublicPages.this.widgets.rates(),
					PublicPages.this.widgets.weather(this.edition.code(), city));
		}

		/**
		 * Builds without reading the database: no navigation, empty widgets. For the
		 * error page when the database itself failed.
		 */
		PublicLayout buildWithoutDatabase() {
			return build(List.of(), new WidgetSlots.RatesWidget(List.of(), null),
					new WidgetSlots.WeatherWidget(PublicPages.this.widgets.defaultCity(this.edition.code()), null));
		}

		private PublicLayout build(List<SectionRef> sectionList, WidgetSlots.RatesWidget rates,
				WidgetSlots.WeatherWidget weather) {
			String home = "/" + this.edition.code() + "/";
			List<Link> nav = new ArrayList<>();
			for (SectionRef section : sectionList) {
				nav.add(new Link(section.name(), section.path(this.edition.code()), null,
						section.slug().equals(this.currentSection)));
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
					PublicPages.this.clock.instant().atZone(PublicPages.this.site.timeZone()).getYear(), messages,
					dates(this.edition), rates, weather, PublicPages.this.assets.url("/site/site.css"),
					PublicPages.this.assets.url("/site/site.js"));
		}

	}

}
