package io.qalam.content;

import io.qalam.PostgresTest;

@PostgresTest
class ArticleWorkflow_PostgresTests extends ArticleWorkflowContract {

}
