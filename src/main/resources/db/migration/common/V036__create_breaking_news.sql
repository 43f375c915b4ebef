-- Each edition's breaking-news banner, shown on every public page while it is set.
-- Clearing it deletes the row; the audit log keeps who set and cleared what.
CREATE TABLE breaking_news (
    edition  VARCHAR(8)               NOT NULL PRIMARY KEY REFERENCES editions (code),
    text     VARCHAR(200)             NOT NULL,
    link     VARCHAR(500),
    set_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by   VARCHAR(64)              NOT NULL
);
