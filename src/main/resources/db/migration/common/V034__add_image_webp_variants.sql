-- Whether an image's variants were written as WebP too, beside the JPEGs (images stored
-- before, or where the WebP encoder cannot load, have JPEGs only).
ALTER TABLE images ADD COLUMN webp BOOLEAN DEFAULT FALSE NOT NULL;
