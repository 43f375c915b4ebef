package io.qalam.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

import io.qalam.platform.web.SlotMarkers;
import io.qalam.platform.web.WidgetSlots;

/**
 * A rendered page kept for serving again: its text cut at the widget slots, the headers
 * it was answered with, and the keys of what it shows. Each time it is served the slots
 * are filled with the widgets as they are then; the bytes served, their ETag and their
 * gzip copy are made once per change of those widgets ({@link Assembled}).
 */
final class CachedPage {

	// IMF-fixdate (RFC 9110, 5.6.7)
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	// the latest second written as a header: uncached pages of one second share it
	private static volatile HttpDate lastHttpDate = new HttpDate(Long.MIN_VALUE, "");

	private final String url;

	private final SlotMarkers.Split text;

	private final String contentType;

	private final List<Header> headers;

	private final Set<String> keys;

	private final Instant expiresAt;

	private volatile Assembled assembled;

	CachedPage(String url, SlotMarkers.Split text, String contentType, List<Header> headers, Set<String> keys,
			Instant expiresAt) {
		this.url = url;
		this.text = text;
		this.contentType = contentType;
		this.headers = List.copyOf(headers);
		this.keys = Set.copyOf(keys);
		this.expiresAt = expiresAt;
	}

	String url() {
		return this.url;
	}

	String contentType() {
		return this.contentType;
	}

	List<Header> headers() {
		return this.headers;
	}

	Set<String> keys() {
		return this.keys;
	}

	/** Whether the page has widget slots to fill. */
	boolean hasSlots() {
		return !this.text.slots().isEmpty();
	}

	boolean expired(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/** Memory the page takes in the cache: its text and, roughly, its gzip copy. */
	int weight() {
		int length = this.text.length();
		// the text, the same filled in, and its gzip copy (about a quarter)
		return 2 * length + length / 4 + 512;
	}

	/**
	 * The page with its slots filled by {@code fragments}; the same object as last time
	 * when no fragment changed.
	 * @param lastChange the second of the latest change that may have altered this
	 * address's page (an eviction), so that a {@code Last-Modified} from that same second
	 * is never answered with 304
	 */
	Assembled assemble(WidgetSlots fragments, Instant now, long lastChange) {
		List<SlotMarkers.Slot> slots = this.text.slots();
		WidgetSlots.Fragment[] filled = new WidgetSlots.Fragment[slots.size()];
		for (int i = 0; i < filled.length; i++) {
			filled[i] = fragments.fragment(slots.get(i));
		}
		Assembled known = this.assembled;
		long second = now.getEpochSecond();
		long previous = (known != null) ? known.lastModified / 1000 : Long.MIN_VALUE;
		if (known != null && known.sameFragments(filled) && (known.lastModifiedExact || second == previous)) {
			return known;
		}
		// CASE: new widgets, or the same bytes stamped in a second that saw a change:
		// from
		// a later second, the stamp can be trusted again
		Assembled fresh = new Assembled(this.text.parts(), filled, second * 1000,
				second > lastChange && second > previous);
		this.assembled = fresh;
		return fresh;
	}

	private record HttpDate(long second, String text) {
	}

	static String httpDate(long second) {
		HttpDate last = lastHttpDate;
		if (last.second() != second) {
			last = new HttpDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC)));
			lastHttpDate = last;
		}
		return last.text();
	}

	/** A response header as the page was first answered. */
	record Header(String name, String value) {
	}

	/** The page's bytes as served, between two changes of its widgets. */
	static final class Assembled {

		private final WidgetSlots.Fragment[] fragments;

		private final String etag;

		private final String gzipEtag;

		private final String lastModifiedHeader;

		// the served bytes in one piece: one write per request
		private final byte[] bytes;

		private final long lastModified;

		private final boolean lastModifiedExact;

		private volatile byte[] gzip;

		private Assembled(List<byte[]> parts, WidgetSlots.Fragment[] fragments, long lastModified,
				boolean lastModifiedExact) {
			this.fragments = fragments;
			this.lastModified = lastModified;
			this.lastModifiedExact = lastModifiedExact;
			int length = 0;
			for (int i = 0; i < parts.size(); i++) {
				length += parts.get(i).length + ((i < fragments.length) ? fragments[i].html().length : 0);
			}
			// joined straight into a buffer of the right size: one copy
			this.bytes = new byte[length];
			int at = 0;
			for (int i = 0; i < parts.size(); i++) {
				at = append(parts.get(i), at);
				if (i < fragments.length) {
					at = append(fragments[i].html(), at);
				}
			}
			// Two different checksums over the bytes: a 64-bit tag, cheap to make
			CRC32 crc = new CRC32();
			crc.update(this.bytes);
			CRC32C crcC = new CRC32C();
			crcC.update(this.bytes);
			String tag = HexFormat.of().toHexDigits((int) crc.getValue())
					+ HexFormat.of().toHexDigits((int) crcC.getValue());
			this.etag = "\"" + tag + "\"";
			this.gzipEtag = "\"" + tag + "-gzip\"";
			this.lastModifiedHeader = httpDate(lastModified / 1000);
		}

		private int append(byte[] part, int at) {
			System.arraycopy(part, 0, this.bytes, at, part.length);
			return at + part.length;
		}

		private boolean sameFragments(WidgetSlots.Fragment[] other) {
			if (other.length != this.fragments.length) {
				return false;
			}
			for (int i = 0; i < other.length; i++) {
				if (other[i] != this.fragments[i]) {
					return false;
				}
			}
			return true;
		}

		int length() {
			return this.bytes.length;
		}

		/** The ETag of the uncompressed bytes. */
		String etag() {
			return this.etag;
		}

		/** The ETag of the gzip bytes: another representation, so another tag. */
		String gzipEtag() {
			return this.gzipEtag;
		}

		long lastModified() {
			return this.lastModified;
		}

		/** {@link #lastModified()} as the header writes it. */
		String lastModifiedHeader() {
			return this.lastModifiedHeader;
		}

		/**
		 * Whether a copy with this {@code Last-Modified} second is surely this one: false
		 * when the page changed within the same second.
		 */
		boolean lastModifiedExact() {
			return this.lastModifiedExact;
		}

		void writeTo(OutputStream out) throws IOException {
			out.write(this.bytes);
		}

		/** The gzip copy, made on first use. */
		byte[] gzip() {
			byte[] compressed = this.gzip;
			if (compressed == null) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(this.bytes.length / 3 + 64);
				try (GZIPOutputStream out = new GZIPOutputStream(bytes, 8192)) {
					writeTo(out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				compressed = bytes.toByteArray();
				this.gzip = compressed;
			}
			return compressed;
		}

	}

}
