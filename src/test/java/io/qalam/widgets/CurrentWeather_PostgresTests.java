package io.qalam.widgets;

import io.qalam.PostgresTest;

@PostgresTest
class CurrentWeather_PostgresTests extends CurrentWeatherContract {

}
