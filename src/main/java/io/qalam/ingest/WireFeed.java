package io.qalam.ingest;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jsoup.Jsoup;

/**
 * An agency's or a partner's feed, RSS 2.0 or Atom, read with the defences of every
 * outside answer: no DTD, no entity but XML's own, every field cut to its column, at most
 * {@link #MAX_ENTRIES} entries, and a time that cannot be (far in the future, before the
 * web) replaced by the time it was received.
 */
final class WireFeed {

	/** Entries read from one answer; a feed of more is read up to this. */
	static final int MAX_ENTRIES = 200;

	private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter
		.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] [zzz][Z][X]", Locale.ENGLISH);

	private WireFeed() {
	}

	/**
	 * The feed's entries, in the feed's order.
	 * @param received when the answer came: the time of entries without a believable one
	 * @throws Unreadable saying why the answer is no feed
	 */
	static List<Entry> read(byte[] body, Instant received) {
		XMLInputFactory factory = SafeXml.factory();
		List<Entry> entries = new ArrayList<>();
		if (body.length < 1024 && new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
			throw new Unreadable("the answer is empty");
		}
		try {
			XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(body));
			String root = null;
			while (xml.hasNext() && entries.size() < MAX_ENTRIES) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new Unreadable("the feed declares a DTD");
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				if (root == null) {
					root = name;
					if (!root.equals("rss") && !root.equals("feed") && !root.equals("RDF")) {
						throw new Unreadable("this is no RSS or Atom feed: it starts with <" + root + ">");
					}
				}
				else if (name.equals("item") || name.equals("entry")) {
					entries.add(entry(xml, name, received));
				}
			}
			if (root == null) {
				throw new Unreadable("the answer is empty");
			}
		}
		catch (XMLStreamException ex) {
			throw new Unreadable("the feed is not well-formed XML"
					+ ((ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNumber() + ")" : ""));
		}
		return entries;
	}

	private static Entry entry(XMLStreamReader xml, String element, Instant received) throws XMLStreamException {
		String title = "";
		String link = "";
		String guid = "";
		String summary = "";
		String published = "";
		String updated = "";
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String name = xml.getLocalName();
			switch (name) {
				case "title" -> title = text(xml);
				case "link" -> {
					// Atom: <link rel="alternate" href="…"/>; RSS: <link>…</link>
					String href = xml.getAttributeValue(null, "href");
					String rel = xml.getAttributeValue(null, "rel");
					if (href != null) {
						if (link.isEmpty() && (rel == null || rel.equals("alternate"))) {
							link = href.strip();
						}
						text(xml);
					}
					else {
						link = text(xml);
					}
				}
				case "guid", "id" -> guid = text(xml);
				case "description", "summary" -> summary = summary.isEmpty() ? text(xml) : skip(xml, summary);
				case "content" -> summary = summary.isEmpty() ? text(xml) : skip(xml, summary);
				case "pubDate", "published", "date" -> published = text(xml);
				case "updated" -> updated = text(xml);
				default -> text(xml);
			}
		}
		String address = link.matches("(?i)https?://\\S+") ? clip(link, 2000) : "";
		String key = guid.isBlank() ? address : clip(guid.strip(), 1000);
		return new Entry(key, address, clip(plain(title), 300), clip(plain(summary), 4000),
				time(published.isEmpty() ? updated : published, received));
	}

	private static String skip(XMLStreamReader xml, String kept) throws XMLStreamException {
		text(xml);
		return kept;
	}

	// All the text inside the element, nested markup (Atom's XHTML) included
	private static String text(XMLStreamReader xml) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (text.length() < 64 * 1024) {
						text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
					}
				}
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new Unreadable(
						"the feed uses an entity (&" + xml.getLocalName() + ";) that is not XML's own");
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.END_DOCUMENT -> throw new Unreadable("the feed ends inside an element");
				default -> {
				}
			}
		}
		return text.toString().strip();
	}

	// The fields are plain text here; a feed's HTML is read for its words
	private static String plain(String text) {
		return (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) ? Jsoup.parse(text).text() : text.strip();
	}

	private static String clip(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1).strip() + "…" : text;
	}

	static Instant time(String written, Instant received) {
		Instant time = null;
		String text = written.strip();
		if (!text.isEmpty()) {
			try {
				time = OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException notIso) {
				try {
					time = ZonedDateTime.parse(text.replaceAll("\\s+", " "), RFC_822).toInstant();
				}
				catch (DateTimeParseException notRfc) {
					time = null;
				}
			}
		}
		// CASE: no time, a clock decades off, or news from the future
		if (time == null || time.isBefore(EARLIEST) || time.isAfter(received.plus(Duration.ofHours(1)))) {
			return received;
		}
		return time;
	}

	/**
	 * One entry of a feed.
	 *
	 * @param guid what identifies it in its feed (its GUID or id, else its link)
	 * @param link its address, or empty when it gave none that is a web address
	 * @param summary plain text
	 */
	record Entry(String guid, String link, String title, String summary, Instant publishedAt) {
	}

	/** The answer cannot be read as a feed; nothing of it is taken. */
	static final class Unreadable extends RuntimeException {

		Unreadable(String message) {
			super(message);
		}

	}

}
