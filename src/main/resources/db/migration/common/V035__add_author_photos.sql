-- An author's profile photo, an image of the media library (none until chosen).
ALTER TABLE authors ADD COLUMN photo_image_id BIGINT REFERENCES images (id);
