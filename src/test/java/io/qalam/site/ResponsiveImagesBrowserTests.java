package io.qalam.site;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qalam.Chromium;
import io.qalam.QalamTest;
import io.qalam.media.ImageSlots;
import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.qalam.content.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every image slot of the public pages, drawn by a real Chromium at phone, tablet and
 * desktop widths: the browser picks, from {@code srcset} and {@code sizes}, the smallest
 * variant at least as wide as the image is drawn on that screen — a wrong {@code sizes}
 * shows as a blurry or an oversized pick. WebP is taken where the image has it.
 */
@QalamTest
class ResponsiveImagesBrowserTests {

	private static final Pattern VARIANT = Pattern.compile("/media/(\\d+)/(\\d+)\\.(jpg|webp)$");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MediaLibrary media;

	@ParameterizedTest(name = "{0} px at {1}x")
	@CsvSource({ "375, 2", "700, 1", "1000, 1", "1280, 1", "1440, 2" })
	void eachSlotGetsTheVariantItIsDrawnAt(int width, int density) {
		String body = "<p>Text.</p>" + figure(photo(), ImageSlots.BODY) + "<figure class=\"gallery\">"
				+ figure(photo(), ImageSlots.GALLERY) + figure(photo(), ImageSlots.GALLERY) + "</figure>";
		var created = article(this.context).in("kk").withImage().body(body).publishedIn(Duration.ZERO).create();
		// each screen in a new browser: one that has a larger variant in its cache reuses
		// it
		WebDriver browser = Chromium.start();
		try {
			((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 900, "deviceScaleFactor", density, "mobile", width < 600));
			List<String> wrong = new ArrayList<>();
			check(browser, "/kk/", "section.lead-story img", density, wrong);
			check(browser, "/kk/", ".teaser-image img", density, wrong);
			check(browser, created.path(), "figure.lead-photo img", density, wrong);
			check(browser, created.path(), ".article-body figure.image img", density, wrong);
			check(browser, created.path(), ".article-body .gallery figure:first-child img", density, wrong);
			assertThat(wrong).isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	// The first image of the slot, scrolled to so that it loads: the variant the browser
	// took, against the one it should have
	private void check(WebDriver browser, String path, String slot, int density, List<String> wrong) {
		browser.get("http://localhost:" + this.port + path);
		JavascriptExecutor js = (JavascriptExecutor) browser;
		// the slot's first image not shown earlier on the page: a browser reuses the
		// variant it already has of the same image, whatever its size
		String pick = """
				var seen = new Set(), id = function (i) { return (i.getAttribute('srcset') || '').split('/')[2]; };
				var slot = new Set(document.querySelectorAll(arguments[0]));
				var found = Array.from(document.images).find(function (i) {
				  if (slot.has(i) && !seen.has(id(i))) return true;
				  seen.add(id(i)); return false; });
				""";
		js.executeScript(pick + "found.scrollIntoView({block: 'center'})", slot);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((b) -> Boolean.TRUE
			.equals(js.executeScript(pick + "return found.complete && found.currentSrc !== ''", slot)));
		@SuppressWarnings("unchecked")
		Map<String, Object> drawn = (Map<String, Object>) js.executeScript(pick
				+ "return { src: found.currentSrc, width: found.getBoundingClientRect().width, srcset: found.getAttribute('srcset') };",
				slot);
		Matcher taken = VARIANT.matcher((String) drawn.get("src"));
		assertThat(taken.find()).as("%s on %s: %s", slot, path, drawn.get("src")).isTrue();
		int chosen = Integer.parseInt(taken.group(2));
		double needed = ((Number) drawn.get("width")).doubleValue() * density;
		List<Integer> all = new ArrayList<>();
		for (String candidate : ((String) drawn.get("srcset")).split("\\s*,\\s*")) {
			all.add(Integer.parseInt(candidate.replaceAll(".* (\\d+)w$", "$1")));
		}
		// 3% under is the rounding of rem and vw, not a blurry picture
		int expected = all.stream()
			.filter((w) -> w >= needed * 0.97)
			.min(Integer::compare)
			.orElse(all.get(all.size() - 1));
		if (chosen != expected) {
			wrong.add(slot + " on " + path + ": drawn " + Math.round(needed) + " px wide, took " + chosen
					+ ", should take " + expected + " of " + all);
		}
		if (!taken.group(3).equals("webp")) {
			wrong.add(slot + " on " + path + ": took " + taken.group(0) + ", not its WebP");
		}
	}

	private ImageView photo() {
		return this.media.store(new BufferedImage(2400, 1600, BufferedImage.TYPE_INT_RGB), Map.of());
	}

	private static String figure(ImageView image, String sizes) {
		return "<figure class=\"image\"><picture><source type=\"image/webp\" srcset=\"" + image.webpSrcset()
				+ "\" sizes=\"" + sizes + "\"><img src=\"" + image.url(960) + "\" srcset=\"" + image.srcset()
				+ "\" sizes=\"" + sizes + "\" width=\"960\" height=\"" + image.heightAt(960)
				+ "\" alt=\"\" loading=\"lazy\"></picture></figure>";
	}

}
