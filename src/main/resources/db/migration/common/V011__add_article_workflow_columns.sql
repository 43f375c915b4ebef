-- The newsroom workflow: who owns a draft, when a scheduled article goes live,
-- and who saved it last.
ALTER TABLE articles ADD COLUMN owner_username VARCHAR(64);
ALTER TABLE articles ADD COLUMN scheduled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE articles ADD COLUMN modified_by VARCHAR(64);

CREATE INDEX articles_scheduled_idx ON articles (status, scheduled_at);
