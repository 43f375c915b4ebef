-- Page views per article, hour and broad source (search, social, telegram, direct,
-- internal, other, unknown), added up by each node and written in batches. Nothing about
-- the reader is stored: there is no identity, only the count.
CREATE TABLE article_views (
    article_id  BIGINT                   NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    viewed_hour TIMESTAMP WITH TIME ZONE NOT NULL,
    source      VARCHAR(16)              NOT NULL,
    edition     VARCHAR(8)               NOT NULL,
    views       BIGINT                   NOT NULL,
    PRIMARY KEY (article_id, viewed_hour, source)
);
-- "most read" per edition over the last day, and the newsroom's figures for a day
CREATE INDEX article_views_by_edition ON article_views (edition, viewed_hour);
CREATE INDEX article_views_by_hour ON article_views (viewed_hour);
