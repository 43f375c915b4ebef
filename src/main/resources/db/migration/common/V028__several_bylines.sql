-- An article has one or more authors, in the order the byline names them.
CREATE TABLE article_authors (
    article_id BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    author_id  BIGINT  NOT NULL REFERENCES authors (id),
    PRIMARY KEY (article_id, position),
    CONSTRAINT article_authors_once UNIQUE (article_id, author_id)
);

INSERT INTO article_authors (article_id, position, author_id)
SELECT id, 0, author_id FROM articles WHERE author_id IS NOT NULL;

-- an author's page lists the author's articles, newest first
CREATE INDEX article_authors_author_idx ON article_authors (author_id, article_id);

DROP INDEX articles_author_list_idx;
ALTER TABLE articles DROP COLUMN author_id;
