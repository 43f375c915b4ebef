package io.qalam.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.web.util.UriUtils;

/**
 * Reads a WordPress export (WXR 1.1–1.2, as WordPress 5 and 6 write it) one item at a
 * time, never the whole file: the site's authors, categories, tags and translation groups
 * (which WordPress writes before the items) and then each post, page and attachment.
 *
 * <p>
 * The XML is read as untrusted: no DTD, no external entity, no entity expansion (a
 * "billion laughs" file is refused, not expanded), and no text field longer than its
 * limit is kept — an item with a body over {@link #MAX_BODY} comes back with its
 * {@link WxrItem#problem()} named and no body, and reading goes on. A file that is not
 * well-formed, cut short or not a WordPress export stops with {@link Malformed}, naming
 * the line.
 */
public final class WxrReader implements AutoCloseable {

	/** The longest post body kept (characters); a longer post is reported, not read. */
	public static final int MAX_BODY = 4 * 1024 * 1024;

	/** The longest other field kept (titles, slugs, excerpts, metadata values). */
	static final int MAX_FIELD = 256 * 1024;

	static final String WP = "http://wordpress.org/export/";

	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	// Polylang's translation group: a serialized PHP array {"ru" => 123, "kk" => 124}
	private static final Pattern GROUP_MEMBER = Pattern.compile("s:\\d+:\"([a-zA-Z_-]{2,10})\";i:(\\d{1,18});");

	private final XMLStreamReader xml;

	private final WxrSite.Builder site = new WxrSite.Builder();

	private WxrItem next;

	private boolean inChannel;

	private boolean done;

	private WxrReader(XMLStreamReader xml) {
		this.xml = xml;
	}

	/**
	 * Starts reading an export; the caller closes both the reader and the stream.
	 * @throws Malformed when the file does not start as a WordPress export
	 */
	public static WxrReader open(InputStream in) {
		XMLInputFactory factory = SafeXml.factory();
		// an item's text comes in pieces the reader joins, within its bounds
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		try {
			WxrReader reader = new WxrReader(factory.createXMLStreamReader(in, StandardCharsets.UTF_8.name()));
			reader.start();
			return reader;
		}
		catch (XMLStreamException ex) {
			throw Malformed.of(ex);
		}
	}

	// Up to the channel: the root must be an RSS document with WordPress's namespace
	private void start() throws XMLStreamException {
		while (this.xml.hasNext()) {
			if (this.xml.next() == XMLStreamConstants.START_ELEMENT) {
				if (!this.xml.getLocalName().equals("rss")) {
					throw new Malformed("This is not a WordPress export: it starts with <" + this.xml.getLocalName()
							+ "> instead of <rss>", this.xml.getLocation().getLineNumber());
				}
				return;
			}
		}
		throw new Malformed("The file is empty", 0);
	}

	/** The site as far as read: everything WordPress writes before its first item. */
	public WxrSite site() {
		return this.site.build();
	}

	/** Whether another item follows. */
	public boolean hasNext() {
		if (this.next == null && !this.done) {
			this.next = read();
		}
		return this.next != null;
	}

	/** The next item: a post, a page, an attachment, a menu item … */
	public WxrItem next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		WxrItem item = this.next;
		this.next = null;
		return item;
	}

	/** Where the reader is in the file, for a progress bar. */
	public long line() {
		return this.xml.getLocation().getLineNumber();
	}

	private WxrItem read() {
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = this.xml.getLocalName();
					if (!this.inChannel) {
						if (!name.equals("channel")) {
							throw new Malformed(
									"This is not a WordPress export: <rss> holds <" + name + "> instead of <channel>",
									this.xml.getLocation().getLineNumber());
						}
						this.inChannel = true;
					}
					else if (name.equals("item")) {
						return item();
					}
					else if (wordpress() && name.equals("author")) {
						author();
					}
					else if (wordpress() && name.equals("category")) {
						category();
					}
					else if (wordpress() && name.equals("tag")) {
						tag();
					}
					else if (wordpress() && name.equals("term")) {
						term();
					}
					else if (wordpress() && (name.equals("base_site_url") || name.equals("base_blog_url"))) {
						this.site.baseUrl(name.equals("base_blog_url"), text(MAX_FIELD).value());
					}
					else if (name.equals("title")
							&& (this.xml.getNamespaceURI() == null || this.xml.getNamespaceURI().isEmpty())) {
						this.site.title(text(MAX_FIELD).value());
					}
					else {
						skip();
					}
				}
				else if (event == XMLStreamConstants.END_DOCUMENT) {
					break;
				}
			}
			if (!this.inChannel) {
				throw new Malformed("This is not a WordPress export: it has no <channel>",
						this.xml.getLocation().getLineNumber());
			}
			this.done = true;
			return null;
		}
		catch (XMLStreamException ex) {
			throw Malformed.of(ex);
		}
	}

	private boolean wordpress() {
		String namespace = this.xml.getNamespaceURI();
		return namespace != null && namespace.startsWith(WP);
	}

	private WxrItem item() throws XMLStreamException {
		WxrItem.Builder item = new WxrItem.Builder();
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("item")) {
				return item.build();
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String name = this.xml.getLocalName();
			String prefix = this.xml.getPrefix();
			String namespace = (this.xml.getNamespaceURI() != null) ? this.xml.getNamespaceURI() : "";
			if (namespace.startsWith("http://purl.org/rss/1.0/modules/content")) {
				Field body = text(MAX_BODY);
				if (body.cut()) {
					item.problem("its text is longer than " + (MAX_BODY / (1024 * 1024)) + " MB");
				}
				else {
					item.content(body.value());
				}
			}
			else if (namespace.startsWith(WP + "excerpt") || (prefix != null && prefix.equals("excerpt"))) {
				item.excerpt(text(MAX_FIELD).value());
			}
			else if (namespace.startsWith(WP)) {
				switch (name) {
					case "postmeta" -> meta(item);
					case "comment" -> skip();
					default -> item.wordpress(name, text(MAX_FIELD).value());
				}
			}
			else if (name.equals("category") && namespace.isEmpty()) {
				String domain = this.xml.getAttributeValue(null, "domain");
				String nicename = this.xml.getAttributeValue(null, "nicename");
				item.term(domain, decoded(nicename), text(MAX_FIELD).value());
			}
			else if (name.equals("creator")) {
				item.creator(text(MAX_FIELD).value());
			}
			else if (namespace.isEmpty()
					&& (name.equals("title") || name.equals("link") || name.equals("guid") || name.equals("pubDate"))) {
				item.rss(name, text(MAX_FIELD).value());
			}
			else {
				skip();
			}
		}
		throw new Malformed("The file ends inside an item", this.xml.getLocation().getLineNumber());
	}

	private void meta(WxrItem.Builder item) throws XMLStreamException {
		String key = null;
		String value = null;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals("postmeta")) {
				if (key != null) {
					item.meta(key, (value != null) ? value : "");
				}
				return;
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (this.xml.getLocalName().equals("meta_key")) {
					key = text(MAX_FIELD).value();
				}
				else if (this.xml.getLocalName().equals("meta_value")) {
					value = text(MAX_FIELD).value();
				}
				else {
					skip();
				}
			}
		}
	}

	private void author() throws XMLStreamException {
		Map<String, String> fields = fields("author");
		this.site.author(new WxrSite.Author(fields.getOrDefault("author_login", ""),
				fields.getOrDefault("author_display_name", ""), fields.getOrDefault("author_first_name", ""),
				fields.getOrDefault("author_last_name", "")));
	}

	private void category() throws XMLStreamException {
		Map<String, String> fields = fields("category");
		this.site.category(new WxrSite.Term(decoded(fields.getOrDefault("category_nicename", "")),
				fields.getOrDefault("cat_name", ""), decoded(fields.getOrDefault("category_parent", ""))));
	}

	private void tag() throws XMLStreamException {
		Map<String, String> fields = fields("tag");
		this.site.tag(new WxrSite.Term(decoded(fields.getOrDefault("tag_slug", "")),
				fields.getOrDefault("tag_name", ""), ""));
	}

	// Polylang writes its languages and translation groups as terms
	private void term() throws XMLStreamException {
		Map<String, String> fields = fields("term");
		String taxonomy = fields.getOrDefault("term_taxonomy", "");
		String slug = decoded(fields.getOrDefault("term_slug", ""));
		if (taxonomy.equals("post_translations")) {
			Map<String, Long> members = new LinkedHashMap<>();
			Matcher member = GROUP_MEMBER.matcher(fields.getOrDefault("term_description", ""));
			while (member.find()) {
				members.put(member.group(1), Long.parseLong(member.group(2)));
			}
			this.site.translationGroup(slug, members);
		}
		else if (taxonomy.equals("category")) {
			this.site.category(new WxrSite.Term(slug, fields.getOrDefault("term_name", ""),
					decoded(fields.getOrDefault("term_parent", ""))));
		}
		else if (taxonomy.equals("post_tag")) {
			this.site.tag(new WxrSite.Term(slug, fields.getOrDefault("term_name", ""), ""));
		}
	}

	// The simple children of an element, by local name
	private Map<String, String> fields(String element) throws XMLStreamException {
		Map<String, String> fields = new HashMap<>();
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && this.xml.getLocalName().equals(element)) {
				return fields;
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				fields.put(name, text(MAX_FIELD).value());
			}
		}
		throw new Malformed("The file ends inside <wp:" + element + ">", this.xml.getLocation().getLineNumber());
	}

	// The element's text, kept up to limit characters; the rest is read past, not kept
	private Field text(int limit) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		boolean cut = false;
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					int length = this.xml.getTextLength();
					if (!cut && text.length() + length <= limit) {
						text.append(this.xml.getTextCharacters(), this.xml.getTextStart(), length);
					}
					else {
						cut = true;
					}
				}
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new Malformed(
						"The file uses an entity (&" + this.xml.getLocalName() + ";) that is not XML's own",
						this.xml.getLocation().getLineNumber());
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.END_DOCUMENT ->
					throw new Malformed("The file ends inside an element", this.xml.getLocation().getLineNumber());
				default -> {
				}
			}
		}
		return new Field(cut ? "" : text.toString().strip(), cut);
	}

	private void skip() throws XMLStreamException {
		text(0);
	}

	/** A WordPress slug as its letters: percent-encoded Cyrillic decoded. */
	static String decoded(String slug) {
		if (slug == null || slug.indexOf('%') < 0) {
			return (slug != null) ? slug : "";
		}
		try {
			return UriUtils.decode(slug, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return slug;
		}
	}

	/** A WordPress date ({@code 2015-03-02 07:00:00}, in UTC for the _gmt fields). */
	static Instant gmt(String value) {
		if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// nothing held but the stream, which the caller closes
		}
	}

	private record Field(String value, boolean cut) {
	}

	/**
	 * The file cannot be read as a WordPress export; nothing after this line was read.
	 */
	public static final class Malformed extends RuntimeException {

		private final long line;

		Malformed(String message, long line) {
			super(message + ((line > 0) ? " (line " + line + ")" : ""));
			this.line = line;
		}

		static Malformed of(XMLStreamException ex) {
			long line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 0;
			String message = (ex.getMessage() != null) ? ex.getMessage()
				.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "") : "";
			return new Malformed("The file is not well-formed XML: " + message.strip(), line);
		}

		public long line() {
			return this.line;
		}

	}

}
