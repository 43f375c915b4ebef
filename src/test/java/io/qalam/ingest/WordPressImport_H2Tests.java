package io.qalam.ingest;

import io.qalam.QalamTest;

@QalamTest
class WordPressImport_H2Tests extends WordPressImportContract {

}
