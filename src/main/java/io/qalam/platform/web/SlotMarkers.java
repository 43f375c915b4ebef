package io.qalam.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The placeholders the public layout renders where its widgets go, so that a rendered
 * page can be kept and shared while its widgets are filled in each time it is served
 * ("Widgets are slots" in the design). A marker is an HTML comment carrying a secret made
 * at start-up, so no article text or reader input can pass for one.
 */
@Component
public class SlotMarkers {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,31}");

	private static final Needle END = new Needle("-->");

	private final String prefix;

	private final Needle start;

	public SlotMarkers() {
		byte[] secret = new byte[9];
		new SecureRandom().nextBytes(secret);
		this.prefix = "<!--slot:" + HexFormat.of().formatHex(secret) + ":";
		this.start = new Needle(this.prefix);
	}

	/** The marker of the rates widget in the edition's language. */
	public String rates(String editionCode) {
		return marker(new Slot(Slot.RATES, editionCode, null));
	}

	/**
	 * The marker of one city's weather widget in the edition's language.
	 * @param city the reader's city, or null for the edition's default city
	 */
	public String weather(String editionCode, String city) {
		return marker(new Slot(Slot.WEATHER, editionCode, city));
	}

	/** The marker of the edition's breaking-news banner (empty while none is set). */
	public String breaking(String editionCode) {
		return marker(new Slot(Slot.BREAKING, editionCode, null));
	}

	/** The marker of the edition's "most read" list. */
	public String mostRead(String editionCode) {
		return marker(new Slot(Slot.MOST_READ, editionCode, null));
	}

	/** The marker of the edition's date in the masthead (today, in the site's zone). */
	public String date(String editionCode) {
		return marker(new Slot(Slot.DATE, editionCode, null));
	}

	/** The marker of any slot; its kind and fields are lower-case names. */
	public String marker(Slot slot) {
		return this.prefix + slot.kind() + ":" + slot.edition() + ((slot.detail() != null) ? ":" + slot.detail() : "")
				+ "-->";
	}

	/**
	 * Cuts a rendered page at its markers: the text around them (one more part than there
	 * are slots) and the slots in order. A page without markers is one part.
	 */
	public Split split(byte[] page) {
		List<byte[]> parts = new ArrayList<>(3);
		List<Slot> slots = new ArrayList<>(2);
		int from = 0;
		int at = this.start.in(page, 0);
		while (at >= 0) {
			int text = at + this.start.length();
			int end = END.in(page, text);
			Slot slot = (end < 0) ? null : Slot.parse(new String(page, text, end - text, StandardCharsets.US_ASCII));
			if (slot == null) {
				// CASE: not one of ours after all (cannot happen from our templates);
				// kept as text
				at = this.start.in(page, at + 1);
				continue;
			}
			parts.add(Arrays.copyOfRange(page, from, at));
			slots.add(slot);
			from = end + END.length();
			at = this.start.in(page, from);
		}
		parts.add((from == 0) ? page : Arrays.copyOfRange(page, from, page.length));
		return new Split(List.copyOf(parts), List.copyOf(slots));
	}

	/**
	 * A byte string to look for, found by Boyer–Moore–Horspool: a page is mostly tags, so
	 * a search by the first byte ({@code <}) stops everywhere; this one mostly jumps
	 * ahead by the needle's length.
	 */
	private static final class Needle {

		private final byte[] bytes;

		// how far the needle may move on when its last place holds a given byte
		private final int[] shifts = new int[256];

		Needle(String ascii) {
			this.bytes = ascii.getBytes(StandardCharsets.US_ASCII);
			Arrays.fill(this.shifts, this.bytes.length);
			for (int i = 0; i < this.bytes.length - 1; i++) {
				this.shifts[this.bytes[i] & 0xFF] = this.bytes.length - 1 - i;
			}
		}

		int length() {
			return this.bytes.length;
		}

		/** Where it first occurs in {@code data} at or after {@code from}, or -1. */
		int in(byte[] data, int from) {
			int last = this.bytes.length - 1;
			for (int i = from; i + last < data.length; i += this.shifts[data[i + last] & 0xFF]) {
				int j = last;
				while (data[i + j] == this.bytes[j]) {
					if (j == 0) {
						return i;
					}
					j--;
				}
			}
			return -1;
		}

	}

	/** A page cut at its slots: {@code parts.size() == slots.size() + 1}. */
	public record Split(List<byte[]> parts, List<Slot> slots) {

		public int length() {
			int length = 0;
			for (byte[] part : this.parts) {
				length += part.length;
			}
			return length;
		}

	}

	/**
	 * One widget slot. Kinds are open: a module that fills a new kind of slot needs no
	 * change here.
	 *
	 * @param kind what the slot shows, e.g. {@link #RATES} or {@link #WEATHER}
	 * @param edition the edition whose language it speaks
	 * @param detail what else picks the fragment (the city for weather), else null
	 */
	public record Slot(String kind, String edition, String detail) {

		public static final String RATES = "rates";

		public static final String WEATHER = "weather";

		public static final String BREAKING = "breaking";

		public static final String MOST_READ = "most-read";

		public static final String DATE = "date";

		public Slot {
			if (!NAME.matcher(kind).matches() || !NAME.matcher(edition).matches()
					|| (detail != null && !NAME.matcher(detail).matches())) {
				throw new IllegalArgumentException("Not a slot: " + kind + ":" + edition + ":" + detail);
			}
		}

		static Slot parse(String text) {
			String[] fields = text.split(":", -1);
			if (fields.length < 2 || fields.length > 3) {
				return null;
			}
			for (String field : fields) {
				if (!NAME.matcher(field).matches()) {
					return null;
				}
			}
			return new Slot(fields[0], fields[1], (fields.length == 3) ? fields[2] : null);
		}

	}

}
