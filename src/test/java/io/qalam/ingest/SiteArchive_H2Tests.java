package io.qalam.ingest;

import io.qalam.QalamTest;

import org.springframework.test.context.TestPropertySource;

// a context of its own (its exports in target/): the rows added here would reach other
// tests' webhooks and channel
@QalamTest
@TestPropertySource(properties = "qalam.data-dir=target/test-data/site-archive")
class SiteArchive_H2Tests extends SiteArchiveContract {

}
