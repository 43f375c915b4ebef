package io.qalam.widgets.web;

import java.util.List;

import io.qalam.platform.web.PublicLayout;
import io.qalam.widgets.RatesWidget;
import io.qalam.widgets.WeatherWidget;

/**
 * The model of {@code widgets/weather.jte}.
 *
 * @param city the reader's city (their choice, or the edition's default)
 * @param cities every city's stored weather, largest city first
 * @param notice a confirmation of the reader's choice, or null
 * @param error why a choice was not taken, or null
 */
public record WeatherPageModel(PublicLayout layout, String city, List<WeatherWidget> cities, String notice,
		String error) {
}
