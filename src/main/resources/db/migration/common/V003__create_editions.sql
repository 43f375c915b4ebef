-- Editions are configured (qalam.edition.*) and recorded here on first start,
-- so that content rows can reference them.
CREATE TABLE editions (
    code     VARCHAR(8)   NOT NULL PRIMARY KEY,
    locale   VARCHAR(16)  NOT NULL,
    name     VARCHAR(64)  NOT NULL,
    position INTEGER      NOT NULL
);
