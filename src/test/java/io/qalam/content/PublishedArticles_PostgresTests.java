package io.qalam.content;

import io.qalam.PostgresTest;

@PostgresTest
class PublishedArticles_PostgresTests extends PublishedArticlesContract {

}
