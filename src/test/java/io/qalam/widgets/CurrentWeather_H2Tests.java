package io.qalam.widgets;

import io.qalam.QalamTest;

@QalamTest
class CurrentWeather_H2Tests extends CurrentWeatherContract {

}
