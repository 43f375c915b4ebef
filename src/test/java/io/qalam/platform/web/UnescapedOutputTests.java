package io.qalam.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template output is escaped but the few listed here, each safe for a reason of its
 * own. A new {@code $unsafe} fails this test until it is argued for and listed.
 */
class UnescapedOutputTests {

	/** The only outputs written unescaped, as {@code template: expression}. */
	private static final Set<String> ALLOWED = Set.of(
			// sanitized on the way in (BodySanitizer), so what is stored may be shown;
			// ArticleModel only gives its galleries a focus and a name
			"site/article.jte: model.bodyHtml()",
			// a live blog's entries: made from the newsroom's fields and sanitized the
			// same way
			"tag/liveEntry.jte: entry.bodyHtml()", "newsroom/live.jte: entry.bodyHtml()",
			// serialized by JsonLd with every < escaped, so it cannot close the script
			"layout/public.jte: layout.jsonLd()",
			// slot markers: comments with a secret of this start-up, filled by the page
			// cache
			"layout/widgets.jte: layout.ratesSlot()", "layout/widgets.jte: layout.weatherSlot()",
			"layout/widgets.jte: layout.mostReadSlot()", "layout/public.jte: layout.breakingSlot()",
			"layout/public.jte: layout.dateSlot()");

	private static final Pattern UNSAFE = Pattern.compile("\\$unsafe\\{([^}]*)}");

	@Test
	void onlyTheListedOutputsAreUnescaped() throws IOException {
		Path root = Path.of("src/main/jte");
		List<String> found = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(root)) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".jte")).toList()) {
				Matcher m = UNSAFE.matcher(Files.readString(template));
				while (m.find()) {
					found.add(root.relativize(template).toString().replace('\\', '/') + ": " + m.group(1).strip());
				}
			}
		}
		assertThat(found).as("$unsafe outputs in src/main/jte").containsExactlyInAnyOrderElementsOf(ALLOWED);
	}

}
