package io.qalam.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the edition writes them: "504 610,00" in Russian and Kazakh, "504,610.00" in
 * English, with a real minus sign (−) and no-break spaces between the thousands.
 */
public final class Numbers {

	private static final char MINUS = '\u2212';

	private final DecimalFormatSymbols symbols;

	public Numbers(Locale locale) {
		this.symbols = DecimalFormatSymbols.getInstance(locale);
		// a line never breaks inside a number
		if (Character.isSpaceChar(this.symbols.getGroupingSeparator())) {
			this.symbols.setGroupingSeparator('\u00a0');
		}
		this.symbols.setMinusSign(MINUS);
	}

	/** The value with exactly {@code scale} decimals, e.g. "504 610,00". */
	public String decimal(BigDecimal value, int scale) {
		return format(scale, false).format(value.setScale(scale, RoundingMode.HALF_UP));
	}

	/** A change, always signed: "+1,25", "−0,40", "0,00". */
	public String signed(BigDecimal value, int scale) {
		BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
		return format(scale, rounded.signum() > 0).format(rounded);
	}

	// DecimalFormat is not thread-safe: one per call (cheap next to rendering a page)
	private DecimalFormat format(int scale, boolean plus) {
		DecimalFormat format = new DecimalFormat("#,##0", this.symbols);
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		if (plus) {
			format.setPositivePrefix("+");
		}
		return format;
	}

}
