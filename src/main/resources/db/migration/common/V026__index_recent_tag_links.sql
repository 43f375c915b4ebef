-- "Read also" ranks the recent articles sharing a tag: with the article after the tag,
-- the database reads only a tag's recent links, however long its archive.
CREATE INDEX article_tags_recent_idx ON article_tags (tag_id, article_id);
DROP INDEX article_tags_tag_idx;
