package io.qalam.widgets;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the National Bank of Kazakhstan's rate feeds: the daily RSS
 * ({@code /rss/rates_all.xml}, one {@code pubDate} per item) and the dated form
 * ({@code /rss/get_rates.cfm?fdate=…}, root {@code <rates>} with one {@code <date>}).
 * Prices are quoted for {@code quant} units; rates come out per one unit. Any missing or
 * unreadable field rejects the whole feed. The XML parser accepts no DOCTYPE at all, so
 * neither external entities (XXE) nor entity expansion can happen.
 */
final class RatesFeed {

	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd.MM.yy");

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final int SCALE = 6;

	// The bank writes plain decimals ("512.34", "+1.07"). Anything else is refused by its
	// form before any arithmetic: an exponent such as 1E+10000000 costs minutes to divide
	private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

	private static final Pattern SIGNED_DECIMAL = Pattern.compile("[+-]?\\d{1,9}(\\.\\d{1,6})?");

	private static final Pattern QUANTITY = Pattern.compile("\\d{1,7}");

	private RatesFeed() {
	}

	/**
	 * One currency on one day.
	 *
	 * @param rate tenge for one unit
	 * @param change signed change since the previous day, per one unit
	 * @param fullName the currency's name as the bank gives it (dated form only), or null
	 */
	record Quote(String currency, LocalDate day, BigDecimal rate, BigDecimal change, String fullName, int quant) {
	}

	/** Reads either form, told apart by the root element. */
	static List<Quote> parse(String xml) {
		Element root = document(xml).getDocumentElement();
		if ("rss".equals(root.getTagName())) {
			return items(root, null);
		}
		if ("rates".equals(root.getTagName())) {
			String date = text(root, "date");
			if (date == null) {
				throw new FetchRejected("the dated rates feed has no <date>");
			}
			return items(root, day(date));
		}
		throw new FetchRejected("unexpected root element <" + root.getTagName() + ">, neither <rss> nor <rates>");
	}

	private static List<Quote> items(Element root, LocalDate feedDay) {
		NodeList items = root.getElementsByTagName("item");
		if (items.getLength() == 0) {
			throw new FetchRejected("the feed has no rates");
		}
		List<Quote> quotes = new ArrayList<>();
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			String code = required(item, "title", i);
			if (!code.matches("[A-Z]{3}")) {
				throw new FetchRejected(
						"item " + (i + 1) + ": '" + FetchRejected.quote(code) + "' is not a currency code");
			}
			BigDecimal price = number(required(item, "description", i), DECIMAL, code, "price");
			String quantText = required(item, "quant", i);
			if (!QUANTITY.matcher(quantText).matches()) {
				throw new FetchRejected(
						code + ": quantity '" + FetchRejected.quote(quantText) + "' is not a whole number");
			}
			int quant = Integer.parseInt(quantText);
			if (quant <= 0) {
				throw new FetchRejected(code + ": quantity " + quant + " is not positive");
			}
			if (price.signum() <= 0) {
				throw new FetchRejected(code + ": rate " + price.toPlainString() + " is not positive");
			}
			String changeText = required(item, "change", i);
			BigDecimal change = number(changeText.startsWith("+") ? changeText.substring(1) : changeText,
					SIGNED_DECIMAL, code, "change");
			// The change is since the day before, whose rate was positive
			if (change.abs().compareTo(price) >= 0) {
				throw new FetchRejected(code + ": a change of " + change.toPlainString() + " on a rate of "
						+ price.toPlainString() + " is impossible");
			}
			String index = text(item, "index");
			if (index != null && !index.isEmpty() && !index.equals("UP") && !index.equals("DOWN")) {
				throw new FetchRejected(
						code + ": direction '" + FetchRejected.quote(index) + "' is neither UP, DOWN nor empty");
			}
			LocalDate day = (feedDay != null) ? feedDay : day(required(item, "pubDate", i));
			BigDecimal units = BigDecimal.valueOf(quant);
			quotes.add(new Quote(code, day, price.divide(units, SCALE, RoundingMode.HALF_UP),
					change.divide(units, SCALE, RoundingMode.HALF_UP), text(item, "fullname"), quant));
		}
		return quotes;
	}

	/** A date as the bank writes it: {@code DD.MM.YY} or {@code DD.MM.YYYY}. */
	static LocalDate day(String text) {
		try {
			return LocalDate.parse(text, (text.length() == 8) ? SHORT_DATE : LONG_DATE);
		}
		catch (DateTimeParseException ex) {
			throw new FetchRejected("date '" + FetchRejected.quote(text) + "' is neither DD.MM.YY nor DD.MM.YYYY");
		}
	}

	private static BigDecimal number(String text, Pattern form, String code, String what) {
		if (!form.matcher(text).matches()) {
			throw new FetchRejected(code + ": " + what + " '" + FetchRejected.quote(text) + "' is not a number");
		}
		return new BigDecimal(text);
	}

	private static String required(Element item, String tag, int index) {
		String value = text(item, tag);
		if (value == null || value.isEmpty()) {
			throw new FetchRejected("item " + (index + 1) + " has no <" + tag + ">");
		}
		return value;
	}

	private static String text(Element parent, String tag) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getTagName().equals(tag)) {
				return element.getTextContent().strip();
			}
		}
		return null;
	}

	private static Document document(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			// Errors are thrown, not printed to stderr
			builder.setErrorHandler(new DefaultHandler());
			return builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException ex) {
			throw new FetchRejected("malformed XML: " + FetchRejected.quote(ex.getMessage()));
		}
		catch (ParserConfigurationException | IOException ex) {
			throw new FetchRejected("the XML could not be read: " + FetchRejected.quote(ex.getMessage()));
		}
	}

}
