package io.qalam.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Stores images and finds them again. Each image is kept as JPEG variants at the
 * configured widths (never wider than the original), written once.
 */
@Component
@EnableConfigurationProperties(MediaProperties.class)
public class MediaLibrary {

	private static final float JPEG_QUALITY = 0.82f;

	private final JdbcClient jdbc;

	private final MediaProperties properties;

	private final Clock clock;

	MediaLibrary(JdbcClient jdbc, MediaProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Stores an image (already decoded and checked) with its caption and credit.
	 * @return the stored image
	 */
	public ImageView store(BufferedImage image, String caption, String credit) {
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
				INSERT INTO images (width, height, format, variants, caption, credit, created_at)
				VALUES (:width, :height, 'jpg', :variants, :caption, :credit, :now)
				""")
			.param("width", image.getWidth())
			.param("height", image.getHeight())
			.param("variants", variants.stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("caption", caption)
			.param("credit", credit)
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (int w : variants) {
			writeVariant(image, id, w);
		}
		return new ImageView(id, image.getWidth(), image.getHeight(), "jpg", variants, caption, credit);
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
		this.jdbc.sql("SELECT id, width, height, format, variants, caption, credit FROM images WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, row) -> new ImageView(rs.getLong("id"), rs.getInt("width"), rs.getInt("height"),
					rs.getString("format"),
					Arrays.stream(rs.getString("variants").split(",")).map(Integer::valueOf).toList(),
					rs.getString("caption"), rs.getString("credit")))
			.list()
			.forEach((image) -> found.put(image.id(), image));
		return found;
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
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(original, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		Path target = variantPath(id, width, "jpg");
		try {
			Files.createDirectories(target.getParent());
			// Written to a temporary file first: a reader never gets half an image
			Path partial = Files.createTempFile(target.getParent(), "variant", ".part");
			try (OutputStream out = Files.newOutputStream(partial)) {
				writeJpeg(scaled, out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write image variant " + target, ex);
		}
	}

	private static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

}
