package io.qalam.widgets;

import io.qalam.QalamTest;

@QalamTest
class ExchangeRates_H2Tests extends ExchangeRatesContract {

}
