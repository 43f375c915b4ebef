package io.qalam.content;

import io.qalam.PostgresTest;

@PostgresTest
class FirstStart_PostgresTests extends FirstStartContract {

}
