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
	 */
	public record Rate(String currency, BigDecimal rate, BigDecimal change) {

		public int direction() {
			return this.change.signum();
		}

	}

}
