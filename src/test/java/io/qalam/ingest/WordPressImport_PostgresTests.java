package io.qalam.ingest;

import io.qalam.PostgresTest;

@PostgresTest
class WordPressImport_PostgresTests extends WordPressImportContract {

}
