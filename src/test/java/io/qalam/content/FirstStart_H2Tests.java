package io.qalam.content;

import io.qalam.QalamTest;

@QalamTest
class FirstStart_H2Tests extends FirstStartContract {

}
