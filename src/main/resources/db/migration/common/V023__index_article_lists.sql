-- Public lists read the newest published articles first (ties by id): indexes in that
-- order let the database stop after a page instead of sorting a whole edition or
-- section. An article page also finds its story's other editions.
CREATE INDEX articles_edition_newest_idx ON articles (edition, status, published_at DESC, id DESC);
CREATE INDEX articles_section_newest_idx ON articles (section_id, status, published_at DESC, id DESC);
CREATE INDEX articles_story_idx ON articles (story_id);
