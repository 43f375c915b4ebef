package io.qalam.widgets;

import io.qalam.PostgresTest;

@PostgresTest
class ExchangeRates_PostgresTests extends ExchangeRatesContract {

}
