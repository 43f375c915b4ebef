package io.qalam.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Pictures for upload tests: real files, made in memory. */
public final class TestImages {

	/** Where the test photos claim to have been taken: Almaty. */
	public static final double LATITUDE = 43.2567;

	public static final double LONGITUDE = 76.9286;

	private TestImages() {
	}

	/** A picture whose left half is red and right half blue. */
	public static BufferedImage redBlue(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 30, 30));
		g.fillRect(0, 0, width / 2, height);
		g.setColor(new Color(30, 30, 200));
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return image;
	}

	public static byte[] png(int width, int height) {
		return write(redBlue(width, height), "png");
	}

	public static byte[] jpeg(int width, int height) {
		return write(redBlue(width, height), "jpeg");
	}

	/** A JPEG with EXIF: camera make, GPS position, and the given orientation. */
	public static byte[] jpegWithExif(int width, int height, int orientation) {
		try {
			TiffOutputSet exif = new TiffOutputSet();
			exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "QalamCam");
			exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
			exif.setGpsInDegrees(LONGITUDE, LATITUDE);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
			return out.toByteArray();
		}
		catch (ImagingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A lossy WebP, 64 × 48, red left and blue right (made with cwebp). */
	public static byte[] webp() {
		return fixture("red-blue-64x48.webp");
	}

	/**
	 * A PNG that is small on disk but unpacks into {@code megapixels} million pixels: a
	 * blank black-and-white square.
	 */
	public static byte[] bomb(int megapixels) {
		int side = (int) Math.ceil(Math.sqrt(megapixels * 1_000_000.0));
		return write(new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY), "png");
	}

	/**
	 * A CMYK JPEG with Adobe's marker, as print desks and agencies send them, 64 × 48:
	 * cyan left, red right (made with ImageMagick: {@code -colorspace CMYK}).
	 */
	public static byte[] cmykJpeg() {
		return fixture("cmyk-64x48.jpg");
	}

	private static byte[] fixture(String name) {
		try (InputStream in = TestImages.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PNG of {@code megapixels} million RGB pixels that is small on disk (mostly one
	 * colour): within the upload limit, but 160 MB and more once decoded.
	 */
	public static byte[] largeRgbPng(double megapixels) {
		int width = (int) Math.sqrt(megapixels * 1_000_000 * 4 / 3);
		int height = (int) (megapixels * 1_000_000 / width);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new java.awt.Color(200, 30, 30));
		g.fillRect(0, 0, width / 2, height);
		g.dispose();
		return write(image, "png");
	}

	/** The first {@code fraction} of a file, as an interrupted transfer leaves it. */
	public static byte[] truncated(byte[] data, double fraction) {
		return Arrays.copyOf(data, (int) (data.length * fraction));
	}

	/** True when the bytes contain {@code text} in ASCII anywhere. */
	public static boolean contains(byte[] data, String text) {
		byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + needle.length <= data.length; i++) {
			if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
				return true;
			}
		}
		return false;
	}

	private static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
