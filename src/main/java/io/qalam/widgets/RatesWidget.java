package io.qalam.widgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Official exchange rates in tenge; {@code rows} is empty until the first fetch. */
public record RatesWidget(List<RatesWidget.Rate> rows, LocalDate asOf) {

	public boolean hasData() {
		return !this.rows.isEmpty();
	}

	/**
	 * @param currency ISO code, e.g. {@code USD}
	 * @param rate tenge for one unit
	 * @param change signed change since the previous day
	 * @param quant how many units the bank quotes it for (1 USD, 100 JPY)
	 */
	public record Rate(String currency, BigDecimal rate, BigDecimal change, int quant) {

		/** Tenge for {@code quant} units, as the bank quotes it. */
		public BigDecimal quoted() {
			return this.rate.multiply(BigDecimal.valueOf(this.quant));
		}

		/** The change of the quoted price. */
		public BigDecimal quotedChange() {
			return this.change.multiply(BigDecimal.valueOf(this.quant));
		}

		/** The currency as quoted: "USD", "100 JPY". */
		public String label() {
			return (this.quant == 1) ? this.currency : this.quant + " " + this.currency;
		}

		public int direction() {
			return this.change.signum();
		}

	}

}
