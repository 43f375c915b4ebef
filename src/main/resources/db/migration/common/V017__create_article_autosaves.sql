-- The editor's autosave: one row per article and user, overwritten every time,
-- so that typing never creates revisions but a closed tab loses nothing.
CREATE TABLE article_autosaves (
    article_id BIGINT                   NOT NULL REFERENCES articles (id),
    username   VARCHAR(64)              NOT NULL,
    headline   VARCHAR(300)             NOT NULL,
    lead       VARCHAR(2000)            NOT NULL,
    body_html  VARCHAR(500000)          NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, username)
);
