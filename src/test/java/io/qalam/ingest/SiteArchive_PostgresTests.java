package io.qalam.ingest;

import io.qalam.PostgresTest;

import org.springframework.test.context.TestPropertySource;

// a context of its own: the rows added here would reach other tests' webhooks and channel
@PostgresTest
@TestPropertySource(properties = "qalam.test.context=site-archive")
class SiteArchive_PostgresTests extends SiteArchiveContract {

}
