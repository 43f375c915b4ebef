-- An article's body is read on its own page and in the editor only; lists, "Read also"
-- and the newsroom's tables read everything else. Kept in the articles row, the bodies
-- made each row many kilobytes, so every list read them along and H2's page cache held
-- a fraction of the rows it holds now.
CREATE TABLE article_bodies (
    article_id BIGINT          NOT NULL PRIMARY KEY REFERENCES articles (id),
    body_html  VARCHAR(500000) NOT NULL
);

INSERT INTO article_bodies (article_id, body_html) SELECT id, body_html FROM articles;

ALTER TABLE articles DROP COLUMN body_html;
