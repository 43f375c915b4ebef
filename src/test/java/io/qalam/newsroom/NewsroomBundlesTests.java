package io.qalam.newsroom;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom's words live in its bundles, complete in every language: a template that
 * carries its own text, a key missing from one language or a key the code asks for that
 * no bundle has fails here, before an editor sees a gap.
 */
class NewsroomBundlesTests {

	private static final List<String> LANGUAGES = List.of("ru", "kk", "en");

	private static final Path TEMPLATES = Path.of("src/main/jte");

	/** Every template a staff member sees (the public ones have their own bundles). */
	private static final List<String> STAFF_TEMPLATES = List.of("layout/newsroom.jte", "newsroom", "distribution",
			"search/index.jte", "widgets/status.jte", "tag/diff.jte", "ingest", "api", "site/edge.jte");

	/** Names and technical strings that read the same in every language. */
	private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Qalam", "X-Qalam-Signature: t=…,v1=…");

	// the literal keys the code asks for: t.get("…") in templates, Text.of("…") in Java
	private static final Pattern TEMPLATE_KEY = Pattern.compile("\\bt\\.get\\(\"([A-Za-z0-9_.-]+)\"");

	private static final Pattern JAVA_KEY = Pattern.compile("Text\\.of\\(\"([A-Za-z0-9_.-]+)\"");

	@Test
	void everyLanguageHasEveryKeyAndNoEmptyValue() throws IOException {
		Set<String> allKeys = new TreeSet<>();
		for (String language : LANGUAGES) {
			allKeys.addAll(bundle(language).stringPropertyNames());
		}
		assertThat(allKeys).hasSizeGreaterThan(300);
		for (String language : LANGUAGES) {
			Properties bundle = bundle(language);
			assertThat(bundle.stringPropertyNames()).as("keys of newsroom_%s", language)
				.containsExactlyInAnyOrderElementsOf(allKeys);
			for (String key : bundle.stringPropertyNames()) {
				assertThat(bundle.getProperty(key)).as("%s in newsroom_%s", key, language).isNotBlank();
			}
		}
	}

	@Test
	void theTextsAreWrittenForMessageFormat() throws IOException {
		// an ASCII apostrophe starts a quoted part in MessageFormat and swallows the rest
		for (String language : LANGUAGES) {
			Properties bundle = bundle(language);
			for (String key : bundle.stringPropertyNames()) {
				assertThat(bundle.getProperty(key)).as("%s in newsroom_%s", key, language).doesNotContain("'");
			}
		}
		Properties english = bundle("en");
		for (String key : english.stringPropertyNames()) {
			if (key.startsWith("language.")) {
				continue; // each language is named in itself on the switcher
			}
			assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsCyrillic}");
		}
	}

	@Test
	void theNewsroomAndTheSiteNeverShareAKey() throws IOException {
		// both bundles are one message source: a shared key would answer from either
		Set<String> site = load("messages/messages_en.properties").stringPropertyNames();
		assertThat(bundle("en").stringPropertyNames()).doesNotContainAnyElementsOf(site);
		assertThat(load("messages/newsroom.properties")).as("the base bundle stays empty, so gaps fail").isEmpty();
	}

	@Test
	void everyKeyTheCodeAsksForIsInTheBundles() throws IOException {
		Set<String> known = new TreeSet<>(bundle("en").stringPropertyNames());
		known.addAll(load("messages/messages_en.properties").stringPropertyNames());
		Set<String> asked = new TreeSet<>();
		for (Path file : files(TEMPLATES, ".jte")) {
			collect(TEMPLATE_KEY, Files.readString(file), asked);
		}
		for (Path file : files(Path.of("src/main/java"), ".java")) {
			collect(JAVA_KEY, Files.readString(file), asked);
		}
		// keys built from a prefix ("status." + name) are covered by the rendered pages
		asked.removeIf((key) -> key.endsWith("."));
		assertThat(asked).hasSizeGreaterThan(200);
		assertThat(known).as("keys asked for by the code").containsAll(asked);
	}

	@Test
	void noStaffTemplateCarriesTextOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (String place : STAFF_TEMPLATES) {
			for (Path file : files(TEMPLATES.resolve(place), ".jte")) {
				String markup = TemplateText.withoutCode(Files.readString(file));
				for (String text : visibleTexts(markup)) {
					if (text.codePoints().anyMatch(Character::isLetter) && !SAME_IN_EVERY_LANGUAGE.contains(text)
							&& !text.matches("https?://\\S+")) {
						found.add(TEMPLATES.relativize(file) + ": " + text);
					}
				}
			}
		}
		assertThat(found).as("text written into staff templates instead of the bundles").isEmpty();
	}

	@Test
	void theScanFindsTextOutsideTheCode() {
		String template = """
				@param Model model
				!{var t = model.text();}
				<h1>${t.get("title")}</h1>
				@if(model.ok())<p>Saved</p>@else<p>${t.get("no", model.count())}</p>@endif
				<input placeholder="Search">
				@template.layout.page(title = "x", content = @`<button>${t.get("go")}</button> Go`)
				<%-- a comment is not shown --%>
				""";
		assertThat(visibleTexts(TemplateText.withoutCode(template))).containsExactlyInAnyOrder("Saved", "Search", "Go");
	}

	/**
	 * The texts a reader would see: text nodes and the attributes that are shown or read
	 * out.
	 */
	private static List<String> visibleTexts(String markup) {
		List<String> texts = new ArrayList<>();
		for (Element element : Jsoup.parseBodyFragment(markup).getAllElements()) {
			for (TextNode node : element.textNodes()) {
				String text = node.text().strip();
				if (!text.isEmpty()) {
					texts.add(text);
				}
			}
			for (String attribute : List.of("placeholder", "title", "alt", "aria-label", "value")) {
				String value = element.attr(attribute).strip();
				if (!value.isEmpty() && !(attribute.equals("value") && !element.is("button, input[type=submit]"))) {
					texts.add(value);
				}
			}
		}
		return texts;
	}

	private static void collect(Pattern pattern, String source, Set<String> into) {
		Matcher matcher = pattern.matcher(source);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static List<Path> files(Path place, String suffix) throws IOException {
		if (Files.isRegularFile(place)) {
			return List.of(place);
		}
		try (Stream<Path> walk = Files.walk(place)) {
			return walk.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	private static Properties bundle(String language) throws IOException {
		return load("messages/newsroom_" + language + ".properties");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/**
	 * A JTE template with its code taken out: expressions, directives, comments and the
	 * arguments of template calls go; markup, literal text and content blocks stay.
	 */
	static final class TemplateText {

		private final String source;

		private int at;

		private TemplateText(String source) {
			this.source = source;
		}

		static String withoutCode(String template) {
			TemplateText reader = new TemplateText(template);
			return reader.markup(false);
		}

		/**
		 * Reads markup up to the end, or up to the backtick that closes a content block.
		 */
		private String markup(boolean inBlock) {
			StringBuilder out = new StringBuilder();
			while (this.at < this.source.length()) {
				if (inBlock && next("`")) {
					this.at++;
					return out.toString();
				}
				if (next("<%--")) {
					int end = this.source.indexOf("--%>", this.at);
					this.at = (end < 0) ? this.source.length() : end + 4;
				}
				else if (next("@import") || next("@param")) {
					int end = this.source.indexOf('\n', this.at);
					this.at = (end < 0) ? this.source.length() : end + 1;
				}
				else if (next("${") || next("!{") || next("$unsafe{")) {
					this.at = this.source.indexOf('{', this.at);
					skipBalanced('{', '}');
				}
				else if (next("@if(") || next("@elseif(") || next("@for(")) {
					this.at = this.source.indexOf('(', this.at);
					skipBalanced('(', ')');
				}
				else if (next("@template.")) {
					this.at = this.source.indexOf('(', this.at);
					out.append(' ').append(templateArguments()).append(' ');
				}
				else if (next("@else") || next("@endif") || next("@endfor")) {
					this.at++;
					while (this.at < this.source.length() && Character.isLetter(this.source.charAt(this.at))) {
						this.at++;
					}
				}
				else {
					out.append(this.source.charAt(this.at++));
				}
			}
			return out.toString();
		}

		/** Skips a call's arguments but keeps the markup of its content blocks. */
		private String templateArguments() {
			StringBuilder blocks = new StringBuilder();
			int depth = 0;
			while (this.at < this.source.length()) {
				char c = this.source.charAt(this.at);
				if (next("@`")) {
					this.at += 2;
					blocks.append(markup(true));
					continue;
				}
				if (c == '"') {
					skipString();
					continue;
				}
				this.at++;
				if (c == '(') {
					depth++;
				}
				else if (c == ')' && --depth == 0) {
					break;
				}
			}
			return blocks.toString();
		}

		private void skipBalanced(char open, char close) {
			int depth = 0;
			while (this.at < this.source.length()) {
				char c = this.source.charAt(this.at);
				if (c == '"') {
					skipString();
					continue;
				}
				this.at++;
				if (c == open) {
					depth++;
				}
				else if (c == close && --depth == 0) {
					return;
				}
			}
		}

		private void skipString() {
			this.at++;
			while (this.at < this.source.length() && this.source.charAt(this.at) != '"') {
				this.at += (this.source.charAt(this.at) == '\\') ? 2 : 1;
			}
			this.at++;
		}

		private boolean next(String text) {
			return this.source.startsWith(text, this.at);
		}

	}

}
