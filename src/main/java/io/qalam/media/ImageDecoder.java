package io.qalam.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Turns an uploaded file into upright RGB pixels, or refuses it. The format is told by
 * the file's first bytes, never by its name or Content-Type; the size is read from the
 * header before any pixel is decoded, so a small file that would unpack into billions of
 * pixels is refused without unpacking it. Only pixels leave this class: EXIF, GPS, XMP
 * and every other piece of metadata stay behind.
 */
final class ImageDecoder {

	/** The formats accepted, with the name ImageIO knows their reader by. */
	enum Format {

		JPEG("JPEG"), PNG("PNG"), WEBP("WebP");

		private final String label;

		Format(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	// One side at most this many times the other: narrower strips cannot be shown
	private static final int MAX_ASPECT = 20;

	static {
		// Registers the WebP and JPEG readers also where the class path was not scanned
		ImageIO.scanForPlugins();
	}

	private ImageDecoder() {
	}

	/** The format the content says it is, or null when it is none of the accepted. */
	static Format sniff(byte[] data) {
		if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
			return Format.JPEG;
		}
		if (startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Format.PNG;
		}
		if (startsWith(data, 0, 'R', 'I', 'F', 'F') && startsWith(data, 8, 'W', 'E', 'B', 'P')) {
			return Format.WEBP;
		}
		return null;
	}

	/**
	 * Decodes an uploaded file into an upright RGB image (EXIF orientation applied,
	 * transparency flattened onto white). An image of more than {@code budgetPixels} is
	 * read subsampled — every second or third pixel of every second or third row — so
	 * that decoding never needs more memory than the budget, whatever the limit allows.
	 * @param maxPixels the most pixels an upload may have
	 * @param budgetPixels the most pixels decoded into memory
	 * @throws UploadRefusedException when the file is not an accepted image, is damaged
	 * or incomplete, or has too many pixels
	 */
	static BufferedImage decode(byte[] data, long maxPixels, long budgetPixels) {
		Format format = sniff(data);
		if (format == null) {
			throw new UploadRefusedException("media.notAnImage");
		}
		ImageReader reader = reader(format);
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
			reader.setInput(in, true, true);
			int width;
			int height;
			try {
				width = reader.getWidth(0);
				height = reader.getHeight(0);
			}
			catch (IOException | RuntimeException ex) {
				throw damaged(format);
			}
			checkSize(width, height, maxPixels);
			List<String> warnings = new ArrayList<>();
			reader.addIIOReadWarningListener((source, warning) -> {
				// CASE: a CMYK JPEG without its colour profile (what print desks send)
				// is converted with a generic one: colours a little off, nothing missing
				if (!warning.contains("ICC")) {
					warnings.add(warning);
				}
			});
			ImageReadParam param = reader.getDefaultReadParam();
			int step = step((long) width * height, budgetPixels);
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			BufferedImage image;
			try {
				image = reader.read(0, param);
			}
			catch (IOException | RuntimeException ex) {
				throw damaged(format);
			}
			// The JPEG decoder only warns about missing data and fills the rest with grey
			if (!warnings.isEmpty() || image == null) {
				throw damaged(format);
			}
			return upright(image, (format == Format.JPEG) ? orientation(data) : 1);
		}
		catch (IOException ex) {
			throw damaged(format);
		}
		finally {
			reader.dispose();
		}
	}

	// The smallest whole step that brings the pixels within the budget
	static int step(long pixels, long budgetPixels) {
		int step = 1;
		while (pixels > budgetPixels * step * step) {
			step++;
		}
		return step;
	}

	private static void checkSize(int width, int height, long maxPixels) {
		if (width <= 0 || height <= 0) {
			throw new UploadRefusedException("media.noPixels");
		}
		long pixels = (long) width * height;
		if (pixels > maxPixels) {
			throw new UploadRefusedException("media.tooManyPixels", Integer.toString(width), Integer.toString(height),
					String.format(Locale.ROOT, "%.1f", pixels / 1e6), maxPixels / 1_000_000);
		}
		if (Math.max(width, height) > (long) MAX_ASPECT * Math.min(width, height)) {
			throw new UploadRefusedException("media.tooNarrow", Integer.toString(width), Integer.toString(height),
					MAX_ASPECT);
		}
	}

	// TwelveMonkeys' readers, in Java, where there are several: the WebP writer brings a
	// reader in native code, and a hostile upload should meet no native decoder
	private static ImageReader reader(Format format) {
		List<ImageReader> readers = new ArrayList<>();
		ImageIO.getImageReadersByFormatName(format.label()).forEachRemaining(readers::add);
		ImageReader chosen = readers.stream()
			.filter((reader) -> reader.getClass().getName().startsWith("com.twelvemonkeys."))
			.findFirst()
			.orElse(readers.isEmpty() ? null : readers.get(0));
		if (chosen == null) {
			throw new IllegalStateException("No ImageIO reader for " + format.label());
		}
		readers.stream().filter((reader) -> reader != chosen).forEach(ImageReader::dispose);
		return chosen;
	}

	/**
	 * The EXIF orientation (1 to 8) of a JPEG; 1 when it has none, or EXIF that cannot be
	 * read (the picture is then shown as stored).
	 */
	static int orientation(byte[] jpeg) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
			if (exif.isEmpty()) {
				return 1;
			}
			byte[] tiff = exif.get(0).data().readAllBytes();
			// The identifier "Exif" is followed by a pad byte before the TIFF header
			int start = (tiff.length > 0 && tiff[0] == 0) ? 1 : 0;
			try (ImageInputStream tiffIn = ImageIO
				.createImageInputStream(new ByteArrayInputStream(tiff, start, tiff.length - start))) {
				Directory directory = new TIFFReader().read(tiffIn);
				Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
				if (entry != null && entry.getValue() instanceof Number number) {
					int value = number.intValue();
					return (value >= 1 && value <= 8) ? value : 1;
				}
				return 1;
			}
		}
		catch (IOException | RuntimeException ex) {
			return 1;
		}
	}

	/**
	 * The image turned as its EXIF orientation says, on an opaque white RGB canvas.
	 * Orientations 5 to 8 swap width and height.
	 */
	static BufferedImage upright(BufferedImage image, int orientation) {
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform turn = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
			default -> new AffineTransform();
		};
		BufferedImage result = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = result.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, result.getWidth(), result.getHeight());
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.drawImage(image, turn, null);
		}
		finally {
			g.dispose();
		}
		return result;
	}

	private static UploadRefusedException damaged(Format format) {
		return new UploadRefusedException("media.damaged", format.label());
	}

	private static boolean startsWith(byte[] data, int offset, int... expected) {
		if (data.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((data[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
