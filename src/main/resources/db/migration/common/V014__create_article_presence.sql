-- Who has an article open in the newsroom's editor, refreshed while the page is open;
-- rows older than a minute and a half no longer count.
CREATE TABLE article_presence (
    article_id BIGINT                   NOT NULL REFERENCES articles (id),
    username   VARCHAR(64)              NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, username)
);
