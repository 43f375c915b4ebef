package io.qalam.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.qalam.QalamTest;
import io.qalam.platform.web.Messages;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Uploads into the media library through the real decoders, database and media folder:
 * what is accepted, what is refused and why, and what is left of the file's metadata.
 */
@QalamTest
class MediaUploadTests {

	@Autowired
	MediaLibrary media;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaProperties properties;

	@Autowired
	MessageSource messages;

	@Test
	void jpegPngAndWebpAreStoredAsVariantsNoWiderThanTheOriginal() throws IOException {
		ImageView jpeg = upload(TestImages.jpeg(1200, 800));
		assertThat(jpeg.variants()).containsExactly(480, 960, 1200);
		assertThat(jpeg.width()).isEqualTo(1200);
		assertThat(jpeg.height()).isEqualTo(800);
		assertThat(read(jpeg, 480).getHeight()).isEqualTo(320);

		ImageView png = upload(TestImages.png(300, 200));
		assertThat(png.variants()).containsExactly(300);

		ImageView webp = upload(TestImages.webp());
		assertThat(webp.variants()).containsExactly(64);
		BufferedImage pixels = read(webp, 64);
		assertThat(reddish(pixels.getRGB(5, 24))).isTrue();
		assertThat(reddish(pixels.getRGB(58, 24))).isFalse();
	}

	@Test
	void cmykJpegsFromPrintDesksAreAcceptedInTheirColours() throws IOException {
		ImageView cmyk = upload(TestImages.cmykJpeg());
		BufferedImage pixels = read(cmyk, 64);
		java.awt.Color left = new java.awt.Color(pixels.getRGB(10, 24));
		java.awt.Color right = new java.awt.Color(pixels.getRGB(54, 24));
		assertThat(left.getRed()).as("cyan has little red: %s", left).isLessThan(80);
		assertThat(left.getBlue()).as("cyan: %s", left).isGreaterThan(150);
		assertThat(right.getRed()).as("red: %s", right).isGreaterThan(150);
		assertThat(right.getBlue()).as("red: %s", right).isLessThan(90);
	}

	@Test
	void aLargeImageIsDecodedWithinAMemoryBudget() {
		// 39.9 megapixels are accepted; decoded whole they took 280 MB of a 256 MB heap
		byte[] large = TestImages.largeRgbPng(39.9);
		BufferedImage decoded = ImageDecoder.decode(large, 40_000_000L, 9_000_000L);
		assertThat((long) decoded.getWidth() * decoded.getHeight()).isLessThanOrEqualTo(9_000_000L);
		assertThat(decoded.getWidth()).isGreaterThanOrEqualTo(1440);
		assertThat(new java.awt.Color(decoded.getRGB(10, 10)).getRed()).isEqualTo(200);
	}

	@Test
	void gpsAndCameraDataAreGoneFromEveryVariant() throws IOException {
		byte[] photo = TestImages.jpegWithExif(1600, 1000, 1);
		// The test photo really carries them
		assertThat(TestImages.contains(photo, "QalamCam")).isTrue();
		assertThat(Imaging.getMetadata(photo)).isNotNull();

		ImageView stored = upload(photo);
		assertThat(stored.variants()).containsExactly(480, 960, 1440);
		for (int width : stored.variants()) {
			byte[] variant = Files.readAllBytes(file(stored, width));
			assertThat(Imaging.getMetadata(variant)).as("metadata of the %d px variant", width).isNull();
			assertThat(TestImages.contains(variant, "Exif")).isFalse();
			assertThat(TestImages.contains(variant, "QalamCam")).isFalse();
		}
	}

	@Test
	void exifOrientationIsAppliedToThePixels() throws IOException {
		// Orientation 6: the camera was held upright, the sensor stored it lying on its
		// side
		ImageView turned = upload(TestImages.jpegWithExif(400, 200, 6));
		assertThat(turned.width()).isEqualTo(200);
		assertThat(turned.height()).isEqualTo(400);
		BufferedImage pixels = read(turned, 200);
		// Turned clockwise, the red left half is now on top
		assertThat(reddish(pixels.getRGB(100, 20))).isTrue();
		assertThat(reddish(pixels.getRGB(100, 380))).isFalse();

		ImageView upsideDown = upload(TestImages.jpegWithExif(400, 200, 3));
		BufferedImage rotated = read(upsideDown, 400);
		assertThat(reddish(rotated.getRGB(380, 100))).isTrue();
		assertThat(reddish(rotated.getRGB(20, 100))).isFalse();
	}

	@Test
	void theContentDecidesNotTheName() {
		// The library never sees a name: a PNG is stored as what it is
		ImageView png = upload(TestImages.png(100, 80));
		assertThat(png.variants()).containsExactly(100);
		assertRefused("Breaking news: not a picture at all".getBytes(), "not a JPEG, PNG or WebP image");
		assertRefused("GIF89a".getBytes(), "not a JPEG, PNG or WebP image");
		assertRefused(new byte[0], "The file is empty");
	}

	@Test
	void truncatedFilesAreRefused() {
		assertRefused(TestImages.truncated(TestImages.jpeg(800, 600), 0.6), "damaged or incomplete");
		assertRefused(TestImages.truncated(TestImages.png(800, 600), 0.6), "damaged or incomplete");
		assertRefused(TestImages.truncated(TestImages.webp(), 0.6), "damaged or incomplete");
		assertRefused(TestImages.truncated(TestImages.jpeg(800, 600), 0.01), "damaged or incomplete");
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() {
		byte[] bomb = TestImages.bomb(64);
		assertThat(bomb.length).isLessThan(200_000);
		assertRefused(bomb, "at most 40 megapixels are accepted");
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedBeforeDecoding() {
		byte[] big = TestImages.png(64, 64);
		byte[] oversized = java.util.Arrays.copyOf(big, 20 * 1024 * 1024 + 1);
		assertRefused(oversized, "The file is larger than 20 MB.");
	}

	@Test
	void stripsTooNarrowToShowAreRefused() {
		assertRefused(TestImages.png(4200, 200), "too narrow to show");
	}

	@Test
	void captionAndCreditAreCheckedAndSearchable() {
		String word = "Медеу" + UUID.randomUUID().toString().substring(0, 6);
		ImageView stored = this.media.upload(new ByteArrayInputStream(TestImages.png(120, 90)), "ru",
				"  Каток " + word + " зимой ", "Фото: Айгерим Сапарова", "reporter");
		assertThat(stored.caption("ru")).isEqualTo("Каток " + word + " зимой");
		assertThat(this.media.search(word.toUpperCase(), 0, 10).images()).extracting(ImageView::id)
			.containsExactly(stored.id());
		assertThat(this.media.search("сапарова " + word, 0, 10).total()).isEqualTo(1);
		assertThat(this.media.search(word + " nowhere", 0, 10).total()).isZero();
		assertThat(this.media.search("100%_", 0, 10).total()).isZero();
		assertThat(this.media.uploadedBy(stored.id())).contains("reporter");

		this.media.describe(stored.id(), "ru", "Новая подпись " + word, "Фото: редакция");
		assertThat(this.media.find(stored.id()).orElseThrow().credit("ru")).isEqualTo("Фото: редакция");

		long before = count();
		assertThatExceptionOfType(UploadRefusedException.class)
			.isThrownBy(() -> this.media.upload(new ByteArrayInputStream(TestImages.png(10, 10)), "ru", "x".repeat(501),
					"", "reporter"))
			.satisfies((refused) -> assertThat(english(refused)).isEqualTo("The caption has at most 500 characters."));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void eachEditionHasItsOwnCaptionAndNoneBorrowsAnothers() {
		String word = "Shymkent" + UUID.randomUUID().toString().substring(0, 6);
		ImageView stored = this.media.upload(new ByteArrayInputStream(TestImages.png(120, 90)), "ru", "Площадь " + word,
				"Фото: редакция", "reporter");
		assertThat(stored.caption("en")).isEmpty();
		assertThat(stored.credit("en")).isEmpty();

		this.media.describe(stored.id(), "en", "The square of " + word + " at dawn", "Photo: newsroom");
		ImageView both = this.media.find(stored.id()).orElseThrow();
		assertThat(both.caption("ru")).isEqualTo("Площадь " + word);
		assertThat(both.caption("en")).isEqualTo("The square of " + word + " at dawn");
		assertThat(both.caption("kk")).isEmpty();
		// a search finds an image by any edition's words
		assertThat(this.media.search("dawn " + word, 0, 10).images()).extracting(ImageView::id)
			.containsExactly(stored.id());

		// both fields emptied take that edition's words away, and only that edition's
		this.media.describe(stored.id(), "ru", " ", "");
		assertThat(this.media.find(stored.id()).orElseThrow().captions()).containsOnlyKeys("en");
		assertThat(this.media.search("площадь " + word, 0, 10).total()).isZero();

		// a refused caption changes nothing
		assertThatExceptionOfType(UploadRefusedException.class)
			.isThrownBy(() -> this.media.describe(stored.id(), "en", "x".repeat(501), ""));
		assertThat(this.media.find(stored.id()).orElseThrow().caption("en"))
			.isEqualTo("The square of " + word + " at dawn");
		assertThatExceptionOfType(UploadRefusedException.class)
			.isThrownBy(() -> this.media.describe(Long.MAX_VALUE, "en", "A caption", ""));
	}

	@Test
	void anImageCutOffWhileWritingLeavesNeitherARowNorFiles() throws IOException {
		BufferedImage photo = ImageIO.read(new ByteArrayInputStream(TestImages.jpeg(1200, 800)));
		long before = count();
		List<Path> filesBefore = mediaFiles();
		// A folder where the 960 px variant goes makes its write fail after the 480 px
		// one was written; laid for the next ids, as the new image's id is not known yet
		long next = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM images").query(Long.class).single();
		List<Path> traps = new ArrayList<>();
		for (long id = next; id < next + 20; id++) {
			traps.add(Files.createDirectories(this.properties.dir().resolve(id + "/960.jpg")));
		}
		try {
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(
					() -> this.media.store(photo, Map.of("ru", new ImageView.Caption("Test picture", "Qalam"))));
		}
		finally {
			for (Path trap : traps) {
				Files.deleteIfExists(trap);
				try (Stream<Path> left = Files.list(trap.getParent())) {
					if (left.findAny().isEmpty()) {
						Files.delete(trap.getParent());
					}
				}
			}
		}
		assertThat(count()).isEqualTo(before);
		assertThat(mediaFiles()).isEqualTo(filesBefore);
	}

	private List<Path> mediaFiles() throws IOException {
		try (Stream<Path> files = Files.walk(this.properties.dir())) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private void assertRefused(byte[] file, String reason) {
		long before = count();
		assertThatExceptionOfType(UploadRefusedException.class).isThrownBy(() -> upload(file))
			.satisfies((refused) -> assertThat(english(refused)).contains(reason));
		assertThat(count()).as("nothing stored").isEqualTo(before);
	}

	private String english(UploadRefusedException refused) {
		return new Messages(this.messages, Locale.ENGLISH).get(refused.text());
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM images").query(Long.class).single();
	}

	private ImageView upload(byte[] file) {
		return this.media.upload(new ByteArrayInputStream(file), "ru", "Test picture", "Qalam", "editor");
	}

	private Path file(ImageView image, int width) {
		return this.media.variantFile(image.id(), width, "jpg").orElseThrow();
	}

	private BufferedImage read(ImageView image, int width) throws IOException {
		return ImageIO.read(file(image, width).toFile());
	}

	private static boolean reddish(int rgb) {
		int red = (rgb >> 16) & 0xFF;
		int blue = rgb & 0xFF;
		return red > 120 && blue < 100;
	}

}
