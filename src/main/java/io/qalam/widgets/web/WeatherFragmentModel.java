package io.qalam.widgets.web;

import io.qalam.platform.web.Dates;
import io.qalam.platform.web.Messages;
import io.qalam.widgets.RatesWidget;
import io.qalam.widgets.WeatherWidget;

/** The model of {@code widgets/weather-fragment.jte}: one city's weather widget alone. */
public record WeatherFragmentModel(Messages messages, Dates dates, WeatherWidget weather, String editionCode) {
}
