package io.qalam.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.qalam.platform.PlainText;

import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores images and finds them again. Each image is kept as JPEG variants at the
 * configured widths (never wider than the original), written once.
 */
@Component
@EnableConfigurationProperties(MediaProperties.class)
public class MediaLibrary {

	private static final String IMAGE_COLUMNS = "id, width, height, format, variants, focus_x, focus_y, webp";

	private static final float JPEG_QUALITY = 0.82f;

	private static final float WEBP_QUALITY = 0.80f;

	// the files of an image: one per variant width and format
	private static final java.util.regex.Pattern VARIANT_NAME = java.util.regex.Pattern
		.compile("[1-9][0-9]{0,4}\\.(jpg|webp)");

	private final JdbcClient jdbc;

	private final MediaProperties properties;

	private final Clock clock;

	private final Semaphore decoding;

	MediaLibrary(JdbcClient jdbc, MediaProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.decoding = new Semaphore(properties.parallelDecodes(), true);
	}

	/**
	 * Checks an uploaded file and stores it: variants at the configured widths, upright
	 * and without any of the file's metadata.
	 * @param edition the edition whose words {@code caption} and {@code credit} are
	 * @param uploadedBy the newsroom user who uploaded it
	 * @return the stored image
	 * @throws UploadRefusedException with the reason when the file or the texts are not
	 * accepted; nothing is stored then
	 */
	public ImageView upload(InputStream file, String edition, String caption, String credit, String uploadedBy) {
		Map<String, ImageView.Caption> captions = captions(edition, caption, credit);
		long limit = this.properties.maxUploadSize().toBytes();
		byte[] data;
		try {
			data = file.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
		catch (IOException ex) {
			throw new UploadRefusedException("media.interrupted");
		}
		if (data.length > limit) {
			throw new UploadRefusedException("media.tooLarge", megabytes(limit));
		}
		if (data.length == 0) {
			throw new UploadRefusedException("media.empty");
		}
		try {
			if (!this.decoding.tryAcquire(60, TimeUnit.SECONDS)) {
				throw new UploadRefusedException("media.busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadRefusedException("media.interrupted");
		}
		try {
			BufferedImage image = ImageDecoder.decode(data, this.properties.maxMegapixels() * 1_000_000L,
					decodeBudget());
			return store(image, captions, uploadedBy);
		}
		finally {
			this.decoding.release();
		}
	}

	/**
	 * Changes an image's caption and credit in one edition; both empty take the edition's
	 * words away. Articles that gave their own keep them.
	 * @throws UploadRefusedException when a text is too long or there is no such image
	 */
	@Transactional
	public void describe(long id, String edition, String caption, String credit) {
		Map<String, ImageView.Caption> captions = captions(edition, caption, credit);
		if (this.jdbc.sql("SELECT COUNT(*) FROM images WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() == 0) {
			throw new UploadRefusedException("media.noSuchImage", Long.toString(id));
		}
		this.jdbc.sql("DELETE FROM image_captions WHERE image_id = :id AND edition = :edition")
			.param("id", id)
			.param("edition", edition)
			.update();
		insertCaptions(id, captions);
	}

	/**
	 * Sets where the image's subject is, kept in view where a slot crops the image.
	 * @param x percent from the left, 0 to 100
	 * @param y percent from the top, 0 to 100
	 * @throws UploadRefusedException when the point is outside the image or there is no
	 * such image
	 */
	public void focus(long id, int x, int y) {
		if (x < 0 || x > 100 || y < 0 || y > 100) {
			throw new UploadRefusedException("media.focusOutside");
		}
		int updated = this.jdbc.sql("UPDATE images SET focus_x = :x, focus_y = :y WHERE id = :id")
			.param("x", x)
			.param("y", y)
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new UploadRefusedException("media.noSuchImage", Long.toString(id));
		}
	}

	// Both empty is no caption at all: the edition then has nothing for the image
	private static Map<String, ImageView.Caption> captions(String edition, String caption, String credit) {
		if (edition == null || !edition.matches("[a-z]{2,3}")) {
			throw new IllegalArgumentException("Not an edition code: " + edition);
		}
		ImageView.Caption words = new ImageView.Caption(text(caption, 500, "media.captionTooLong"),
				text(credit, 200, "media.creditTooLong"));
		return words.isEmpty() ? Map.of() : Map.of(edition, words);
	}

	private void insertCaptions(long id, Map<String, ImageView.Caption> captions) {
		captions.forEach((edition, words) -> this.jdbc.sql(
				"INSERT INTO image_captions (image_id, edition, caption, credit) VALUES (:id, :edition, :caption, :credit)")
			.param("id", id)
			.param("edition", edition)
			.param("caption", words.caption())
			.param("credit", words.credit())
			.update());
	}

	/**
	 * Images whose captions and credits, in any edition, contain every word of
	 * {@code query} (all images for an empty query), newest first.
	 */
	public Found search(String query, int offset, int limit) {
		List<String> words = Arrays.stream(((query != null) ? query : "").toLowerCase(Locale.ROOT).split("\\s+"))
			.filter((w) -> !w.isEmpty())
			.limit(8)
			.toList();
		StringBuilder where = new StringBuilder("1 = 1");
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			where.append(" AND EXISTS (SELECT 1 FROM image_captions c WHERE c.image_id = images.id")
				.append(" AND (LOWER(c.caption) LIKE :w")
				.append(i)
				.append(" ESCAPE '\\' OR LOWER(c.credit) LIKE :w")
				.append(i)
				.append(" ESCAPE '\\'))");
			params.put("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM images WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<ImageView> images = this.jdbc
			.sql("SELECT " + IMAGE_COLUMNS + " FROM images WHERE " + where
					+ " ORDER BY created_at DESC, id DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT "
					+ Math.max(1, Math.min(limit, 100)) + " ROWS ONLY")
			.params(params)
			.query(MediaLibrary::image)
			.list();
		return new Found(withCaptions(images), total);
	}

	/** Who uploaded an image; empty for pictures that came with the demo content. */
	public Optional<String> uploadedBy(long id) {
		return this.jdbc.sql("SELECT uploaded_by FROM images WHERE id = :id AND uploaded_by IS NOT NULL")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** A page of search results and how many there are in all. */
	public record Found(List<ImageView> images, long total) {
	}

	/**
	 * Stores an image (already decoded and checked) with its captions and credits by
	 * edition.
	 * @return the stored image
	 */
	public ImageView store(BufferedImage image, Map<String, ImageView.Caption> captions) {
		Map<String, ImageView.Caption> checked = new HashMap<>();
		captions.forEach((edition, words) -> checked.putAll(captions(edition, words.caption(), words.credit())));
		return store(image, checked, null);
	}

	private ImageView store(BufferedImage image, Map<String, ImageView.Caption> captions, String uploadedBy) {
		List<Integer> widths = new ArrayList<>();
		for (int w : this.properties.widths()) {
			if (w < image.getWidth()) {
				widths.add(w);
			}
		}
		widths.add(Math.min(image.getWidth(), this.properties.widths().get(this.properties.widths().size() - 1)));
		List<Integer> variants = widths.stream().distinct().sorted().toList();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO images (width, height, format, variants, created_at, uploaded_by, webp)
				VALUES (:width, :height, 'jpg', :variants, :now, :by, :webp)
				""")
			.param("by", uploadedBy)
			.param("width", image.getWidth())
			.param("height", image.getHeight())
			.param("variants", variants.stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("webp", Webp.WORKS)
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		try {
			insertCaptions(id, captions);
			for (int w : variants) {
				writeVariant(image, id, w);
			}
		}
		catch (RuntimeException ex) {
			// CASE: disk full, unwritable or the process stopping: no image row without
			// its files, and no files without their row (its captions go with the row)
			this.jdbc.sql("DELETE FROM images WHERE id = :id").param("id", id).update();
			for (int w : variants) {
				deleteQuietly(variantPath(id, w, "jpg"));
				deleteQuietly(variantPath(id, w, "webp"));
			}
			throw ex;
		}
		return new ImageView(id, image.getWidth(), image.getHeight(), "jpg", variants, captions, 50, 50, Webp.WORKS);
	}

	public Optional<ImageView> find(long id) {
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	/** Finds several images in one query; ids that do not exist are left out. */
	public Map<Long, ImageView> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, ImageView> found = new HashMap<>();
		withCaptions(this.jdbc.sql("SELECT " + IMAGE_COLUMNS + " FROM images WHERE id IN (:ids)")
			.param("ids", ids)
			.query(MediaLibrary::image)
			.list()).forEach((image) -> found.put(image.id(), image));
		return found;
	}

	// One more query for all the images' captions, rather than one per image
	private List<ImageView> withCaptions(List<ImageView> images) {
		if (images.isEmpty()) {
			return images;
		}
		Map<Long, Map<String, ImageView.Caption>> captions = new HashMap<>();
		this.jdbc.sql("SELECT image_id, edition, caption, credit FROM image_captions WHERE image_id IN (:ids)")
			.param("ids", images.stream().map(ImageView::id).toList())
			.query((ResultSet rs) -> {
				captions.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
					.put(rs.getString(2), new ImageView.Caption(rs.getString(3), rs.getString(4)));
			});
		return images.stream()
			.map((image) -> new ImageView(image.id(), image.width(), image.height(), image.format(), image.variants(),
					captions.getOrDefault(image.id(), Map.of()), image.focusX(), image.focusY(), image.webp()))
			.toList();
	}

	// by position, in IMAGE_COLUMNS' order: read by name, H2 builds a map of the
	// result's column names each time (every public page reads images)
	private static ImageView image(ResultSet rs, int row) throws SQLException {
		return new ImageView(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
				Arrays.stream(rs.getString(5).split(",")).map(Integer::valueOf).toList(), Map.of(), rs.getInt(6),
				rs.getInt(7), rs.getBoolean(8));
	}

	// Twice the widest variant each way is all the variants need (a sharp downscale); an
	// image decoded whole at the 40-megapixel limit took 280 MB, more than the heap the
	// README recommends
	private long decodeBudget() {
		long widest = this.properties.widths().get(this.properties.widths().size() - 1);
		return 4 * widest * widest;
	}

	private static String text(String value, int max, String tooLong) {
		String stripped = (value != null) ? PlainText.clean(value).replaceAll("\\p{Cntrl}", " ").strip() : "";
		if (stripped.length() > max) {
			throw new UploadRefusedException(tooLong, max);
		}
		return stripped;
	}

	private static String megabytes(long bytes) {
		return new BigDecimal(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.DOWN)
			.stripTrailingZeros()
			.toPlainString();
	}

	/**
	 * The stored files of one image, by their names ({@code 960.jpg}), for an export.
	 */
	public Map<String, Path> files(long id) throws IOException {
		Path dir = this.properties.dir().resolve(Long.toString(id));
		Map<String, Path> files = new java.util.TreeMap<>();
		if (Files.isDirectory(dir)) {
			try (var listed = Files.list(dir)) {
				listed
					.filter((f) -> Files.isRegularFile(f) && VARIANT_NAME.matcher(f.getFileName().toString()).matches())
					.forEach((f) -> files.put(f.getFileName().toString(), f));
			}
		}
		return files;
	}

	/**
	 * Puts back one file of an image from an export, written whole or not at all.
	 * @throws IllegalArgumentException when the name is not one of an image's files
	 * ({@code 960.jpg}, {@code 960.webp})
	 */
	public void restoreFile(long id, String name, InputStream content) throws IOException {
		if (id <= 0 || !VARIANT_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not an image file of the media library: " + id + "/" + name);
		}
		Path target = this.properties.dir().resolve(Long.toString(id)).resolve(name);
		Files.createDirectories(target.getParent());
		Path partial = Files.createTempFile(target.getParent(), "restore", ".part");
		try {
			Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			deleteQuietly(partial);
		}
	}

	/** Removes the files of an image whose restore did not complete. */
	public void deleteFiles(long id) throws IOException {
		for (Path file : files(id).values()) {
			deleteQuietly(file);
		}
		deleteQuietly(this.properties.dir().resolve(Long.toString(id)));
	}

	/** The file of one variant, if that image has a variant at that width. */
	public Optional<Path> variantFile(long id, int width, String format) {
		Path file = variantPath(id, width, format);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	private Path variantPath(long id, int width, String format) {
		return this.properties.dir().resolve(Long.toString(id)).resolve(width + "." + format);
	}

	private void writeVariant(BufferedImage original, long id, int width) {
		int height = Math.max(1, Math.round((float) original.getHeight() * width / original.getWidth()));
		// Halving step by step keeps fine detail from turning into moiré in one big jump
		BufferedImage scaled = original;
		while (scaled.getWidth() / 2 >= width) {
			scaled = scale(scaled, scaled.getWidth() / 2, Math.max(1, scaled.getHeight() / 2));
		}
		if (scaled.getWidth() != width || scaled.getHeight() != height) {
			scaled = scale(scaled, width, height);
		}
		write(scaled, variantPath(id, width, "jpg"), "jpeg");
		if (Webp.WORKS) {
			write(scaled, variantPath(id, width, "webp"), "webp");
		}
	}

	private static void write(BufferedImage image, Path target, String format) {
		try {
			Files.createDirectories(target.getParent());
			// Written to a temporary file first: a reader never gets half an image
			Path partial = Files.createTempFile(target.getParent(), "variant", ".part");
			try {
				try (OutputStream out = Files.newOutputStream(partial)) {
					encode(image, out, format);
				}
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				deleteQuietly(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write image variant " + target, ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// CASE: the folder itself is gone or unwritable; the failure that brought us
			// here is the one worth reporting
		}
	}

	private static BufferedImage scale(BufferedImage image, int width, int height) {
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return scaled;
	}

	// JPEG progressive, WebP lossy: both at the quality photographs need on a news page
	private static void encode(BufferedImage image, OutputStream out, String format) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			if (format.equals("webp")) {
				param.setCompressionType("Lossy");
				param.setCompressionQuality(WEBP_QUALITY);
			}
			else {
				param.setCompressionQuality(JPEG_QUALITY);
				param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	// The WebP encoder is native code unpacked from its jar when first used; where it
	// cannot load (an unusual platform, a temporary folder without exec), images get
	// JPEG variants only and the site works the same. Tried at the first upload, not at
	// start: loading it and ImageIO's plugin scan cost the start 0.1–0.2 s
	private static final class Webp {

		static final boolean WORKS = webpWorks();

	}

	private static boolean webpWorks() {
		try {
			ImageIO.scanForPlugins();
			if (!ImageIO.getImageWritersByFormatName("webp").hasNext()) {
				return false;
			}
			encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), OutputStream.nullOutputStream(), "webp");
			return true;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			LoggerFactory.getLogger(MediaLibrary.class)
				.warn("WebP variants are off: the WebP encoder could not run here ({}); images get JPEG variants only",
						ex.toString());
			return false;
		}
	}

}
