-- Who uploaded an image (null for demo pictures), shown in the newsroom's media library.
ALTER TABLE images ADD COLUMN uploaded_by VARCHAR(64);
