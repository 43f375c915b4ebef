-- What each imported item became, so that importing the same archive again updates
-- what changed and duplicates nothing. source: the old site (its address); kind: post,
-- story (a translation group); key: the item's id there.
CREATE TABLE import_sources (
    source      VARCHAR(300)             NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    source_key  VARCHAR(200)             NOT NULL,
    local_id    BIGINT                   NOT NULL,
    -- the article's version the import left, and a digest of what it was made from
    version     INTEGER                  NOT NULL,
    digest      VARCHAR(64)              NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, kind, source_key)
);
