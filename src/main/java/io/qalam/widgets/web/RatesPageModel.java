package io.qalam.widgets.web;

import java.util.List;

import io.qalam.platform.web.PublicLayout;

/**
 * The model of {@code widgets/rates.jte}.
 *
 * @param asOf the day of the rates shown, as the edition writes it, or null before the
 * first fetch
 * @param rows every currency of that day
 */
public record RatesPageModel(PublicLayout layout, String asOf, List<Row> rows, Converter converter, Chart chart) {

	/**
	 * One currency.
	 *
	 * @param label the code as quoted: "USD", "100 JPY"
	 * @param name its name in the edition's language (the code where none is known)
	 * @param rate tenge for the quoted units, as shown
	 * @param change signed change, as shown
	 * @param direction 1 up, -1 down, 0 unchanged
	 */
	public record Row(String code, String label, String name, String rate, String change, int direction) {
	}

	/**
	 * The converter form as the reader filled it.
	 *
	 * @param direction {@code to} (currency to tenge) or {@code from} (tenge to currency)
	 * @param result the converted amount in words, or null
	 * @param error why the form could not be converted, or null
	 */
	public record Converter(String amount, String currency, String direction, String result, String error) {
	}

	/**
	 * A 30-day line chart drawn on the server.
	 *
	 * @param points the SVG polyline's points, empty when there are fewer than two days
	 */
	public record Chart(String currency, String points, String min, String max, String firstDay, String lastDay,
			int width, int height) {

		public boolean drawable() {
			return !this.points.isEmpty();
		}

	}

}
