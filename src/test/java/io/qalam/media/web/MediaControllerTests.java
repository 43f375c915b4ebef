package io.qalam.media.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;
import java.time.Clock;

import io.qalam.media.ImageView;
import io.qalam.media.MediaLibrary;
import io.qalam.media.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The image addresses, checked in a slice: this controller and the real media library on
 * an in-memory H2 with the real schema, without the rest of the application (a second to
 * start instead of the whole site). Security is left out here; that these addresses are
 * public is asserted by the full-stack access tests.
 */
@WebMvcTest(MediaController.class)
@AutoConfigureMockMvc(addFilters = false)
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@Import({ MediaLibrary.class, MediaControllerTests.Now.class })
@ActiveProfiles("test")
class MediaControllerTests {

	@Autowired
	MockMvc web;

	@Autowired
	MediaLibrary media;

	@Test
	void aStoredVariantIsServedAsAJpegKeptForAYear() throws Exception {
		// no caption: this slice has no editions to give one to
		ImageView image = this.media.upload(new ByteArrayInputStream(TestImages.jpeg(1000, 600)), "ru", "", "",
				"slice");
		byte[] served = this.web.perform(get("/media/" + image.id() + "/480.jpg"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).startsWith(0xFF, 0xD8);
	}

	@Test
	void eachVariantIsThereAsWebpTooServedAsWebp() throws Exception {
		ImageView image = this.media.upload(new ByteArrayInputStream(TestImages.jpeg(1000, 600)), "ru", "", "",
				"slice");
		assertThat(image.webp()).isTrue();
		assertThat(image.webpSrcset()).isEqualTo("/media/" + image.id() + "/480.webp 480w, /media/" + image.id()
				+ "/960.webp 960w, /media/" + image.id() + "/1000.webp 1000w");
		for (int width : image.variants()) {
			byte[] jpeg = this.web.perform(get("/media/" + image.id() + "/" + width + ".jpg"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			byte[] webp = this.web.perform(get("/media/" + image.id() + "/" + width + ".webp"))
				.andExpect(status().isOk())
				.andExpect(content().contentType("image/webp"))
				.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
			assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
			// the same picture, at the same size, in fewer bytes
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(webp));
			assertThat(decoded.getWidth()).isEqualTo(width);
			assertThat(webp.length).isLessThan(jpeg.length);
		}
	}

	@Test
	void addressesThatNameNoStoredFileAreNotFound() throws Exception {
		ImageView image = this.media.upload(new ByteArrayInputStream(TestImages.jpeg(600, 400)), "ru", "", "", "slice");
		String[] wrong = { "/media/" + image.id() + "/1440.jpg", // wider than the
																	// original
				"/media/" + image.id() + "/480.png", "/media/" + image.id() + "/480.gif",
				"/media/" + (image.id() + 1000) + "/480.jpg", "/media/abc/480.jpg", "/media/-1/480.jpg",
				"/media/" + image.id() + "/480000.jpg", "/media/1234567890123456789/480.jpg",
				"/media/" + image.id() + "/..%2F..%2Fetc%2Fpasswd.jpg", "/media/" + image.id() + "/" };
		for (String path : wrong) {
			int answer = this.web.perform(get(path)).andReturn().getResponse().getStatus();
			assertThat(answer).as(path).isIn(400, 404);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Now {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
