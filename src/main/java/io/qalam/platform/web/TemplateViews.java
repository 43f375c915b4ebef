package io.qalam.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered as UTF-8 bytes and written to the response's byte stream in one go.
 * The starter's view writes text through the response's writer, and encoding it there, a
 * few characters at a time, was nearly half of a page's rendering time. The templates'
 * fixed text is compiled as ready UTF-8 bytes ({@code binaryStaticContent} in the build).
 */
@Configuration(proxyBeanMethods = false)
class TemplateViews {

	/**
	 * Named {@code viewResolver}, so that Spring Boot adds no content-negotiating
	 * resolver in front: every page is HTML, and negotiating it on each request (parsing
	 * and sorting the {@code Accept} header) cost more than a percent of an uncached
	 * page.
	 */
	@Bean
	JteViewResolver viewResolver(TemplateEngine templates, JteProperties properties) {
		return new Utf8ViewResolver(templates, properties);
	}

	private static final class Utf8ViewResolver extends JteViewResolver {

		private final TemplateEngine templates;

		Utf8ViewResolver(TemplateEngine templates, JteProperties properties) {
			super(templates, properties);
			this.templates = templates;
		}

		@Override
		protected AbstractUrlBasedView instantiateView() {
			return new Utf8View(this.templates);
		}

	}

	private static final class Utf8View extends JteView {

		// The output keeps every write as a chunk of its own; the argument is how many it
		// has room for at first (an article page makes 700-900). It once said 32 K, taken
		// for bytes: a 128 KB list allocated and cleared per page, 4% of an uncached page
		private static final int CHUNKS = 1024;

		private final TemplateEngine templates;

		Utf8View(TemplateEngine templates) {
			super(templates);
			this.templates = templates;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput output = new Utf8ByteOutput(CHUNKS);
			this.templates.render(getUrl(), model, output);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			// one write: each write passes through every response wrapper (security's
			// checks the length on each), and a page is a few hundred chunks
			byte[] page = output.toByteArray();
			response.setContentLength(page.length);
			response.getOutputStream().write(page);
		}

	}

}
