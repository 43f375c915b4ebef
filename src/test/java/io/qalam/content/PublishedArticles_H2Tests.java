package io.qalam.content;

import io.qalam.QalamTest;

@QalamTest
class PublishedArticles_H2Tests extends PublishedArticlesContract {

}
