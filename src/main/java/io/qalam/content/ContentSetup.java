package io.qalam.content;

import java.util.List;
import java.util.Map;

import io.qalam.edition.Edition;
import io.qalam.edition.Editions;
import io.qalam.platform.SetupSteps;
import io.qalam.platform.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up work of the content module: records the configured editions, creates the
 * standard sections on the first start, then the demo content when it is enabled, before
 * the site serves and after the first admin.
 */
@Component
// not while a restore brings the first start's rows from an export
@ConditionalOnBooleanProperty(name = "qalam.first-start", havingValue = true, matchIfMissing = true)
class ContentSetup extends StartupWork {

	private static final Logger log = LoggerFactory.getLogger(ContentSetup.class);

	/** The sections every install starts with; names by language, English as fallback. */
	static final List<InitialSection> SECTIONS = List.of(
			new InitialSection("kazakhstan", Map.of("ru", "Казахстан", "kk", "Қазақстан", "en", "Kazakhstan")),
			new InitialSection("world", Map.of("ru", "В мире", "kk", "Әлем", "en", "World")),
			new InitialSection("economy", Map.of("ru", "Экономика", "kk", "Экономика", "en", "Economy")),
			new InitialSection("sport", Map.of("ru", "Спорт", "kk", "Спорт", "en", "Sport")),
			new InitialSection("culture", Map.of("ru", "Культура", "kk", "Мәдениет", "en", "Culture")),
			new InitialSection("technology", Map.of("ru", "Технологии", "kk", "Технология", "en", "Technology")));

	private final JdbcClient jdbc;

	private final Editions editions;

	private final SetupSteps steps;

	private final DemoContent demo;

	private final TransactionTemplate transactions;

	ContentSetup(JdbcClient jdbc, Editions editions, SetupSteps steps, DemoContent demo,
			TransactionTemplate transactions) {
		super(1);
		this.jdbc = jdbc;
		this.editions = editions;
		this.steps = steps;
		this.demo = demo;
		this.transactions = transactions;
	}

	@Override
	public void run() {
		this.transactions.executeWithoutResult((status) -> recordEditions());
		this.steps.runOnce("sections", this::createSections);
		if (this.demo.enabled()) {
			this.steps.runOnce("demo-content", () -> {
				// CASE: an archive imported into a new data directory before the first
				// start
				if (this.jdbc.sql("SELECT COUNT(*) FROM articles").query(Long.class).single() > 0) {
					log.info("Demo content not loaded: the newsroom already has articles");
					return;
				}
				this.demo.load();
				log.info("Loaded the demo content");
			});
		}
	}

	/**
	 * The configuration is the source of the edition list: new editions are added,
	 * existing ones take the configured name and order. An edition removed from the
	 * configuration keeps its row, because its articles still reference it.
	 */
	private void recordEditions() {
		List<Edition> all = this.editions.all();
		for (int position = 0; position < all.size(); position++) {
			Edition edition = all.get(position);
			int updated = this.jdbc
				.sql("UPDATE editions SET locale = :locale, name = :name, position = :position " + "WHERE code = :code")
				.param("code", edition.code())
				.param("locale", edition.locale().toLanguageTag())
				.param("name", edition.name())
				.param("position", position)
				.update();
			if (updated == 0) {
				this.jdbc.sql(
						"INSERT INTO editions (code, locale, name, position) VALUES (:code, :locale, :name, :position)")
					.param("code", edition.code())
					.param("locale", edition.locale().toLanguageTag())
					.param("name", edition.name())
					.param("position", position)
					.update();
			}
		}
	}

	private void createSections() {
		for (int position = 0; position < SECTIONS.size(); position++) {
			InitialSection section = SECTIONS.get(position);
			this.jdbc.sql("INSERT INTO sections (slug, position) VALUES (:slug, :position)")
				.param("slug", section.slug())
				.param("position", position)
				.update();
			long id = sectionId(section.slug());
			for (Edition edition : this.editions.all()) {
				this.jdbc.sql("INSERT INTO section_names (section_id, edition, name) VALUES (:id, :ed, :name)")
					.param("id", id)
					.param("ed", edition.code())
					.param("name", section.names().getOrDefault(edition.language(), section.names().get("en")))
					.update();
			}
		}
	}

	private long sectionId(String slug) {
		return this.jdbc.sql("SELECT id FROM sections WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	record InitialSection(String slug, Map<String, String> names) {
	}

}
