package io.qalam.content;

import io.qalam.QalamTest;

@QalamTest
class ArticleWorkflow_H2Tests extends ArticleWorkflowContract {

}
