-- A revision keeps every field the editor saves, so that the history compares them all.
-- Revisions saved before this keep NULL there: the comparison skips what it never knew.
ALTER TABLE article_revisions ADD COLUMN section_slug VARCHAR(80);
ALTER TABLE article_revisions ADD COLUMN tags VARCHAR(4000);
ALTER TABLE article_revisions ADD COLUMN authors VARCHAR(1000);
ALTER TABLE article_revisions ADD COLUMN slug VARCHAR(100);
ALTER TABLE article_revisions ADD COLUMN seo_description VARCHAR(400);
ALTER TABLE article_revisions ADD COLUMN source_line VARCHAR(400);
ALTER TABLE article_revisions ADD COLUMN lead_image VARCHAR(1000);
