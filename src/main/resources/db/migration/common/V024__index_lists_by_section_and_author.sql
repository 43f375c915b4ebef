-- A section or an author spans editions, so their lists filter by edition too: with the
-- edition in the index after the section (or author), the database reads exactly one
-- page of the list in order. Before, H2 preferred the edition's index for a section's
-- latest and walked the whole edition. The index on (edition, status, published_at) is
-- a prefix of articles_edition_newest_idx and goes.
CREATE INDEX articles_section_list_idx ON articles (section_id, edition, status, published_at DESC, id DESC);
CREATE INDEX articles_author_list_idx ON articles (author_id, edition, status, published_at DESC, id DESC);
DROP INDEX articles_section_newest_idx;
DROP INDEX articles_section_idx;
DROP INDEX articles_author_idx;
DROP INDEX articles_published_idx;
