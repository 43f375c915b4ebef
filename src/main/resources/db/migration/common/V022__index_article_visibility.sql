-- The page cache asks when the next published article becomes visible by itself
-- (its publication time or the end of its embargo): one index for each.
CREATE INDEX articles_status_published_idx ON articles (status, published_at);
CREATE INDEX articles_status_embargo_idx ON articles (status, embargo_until);
