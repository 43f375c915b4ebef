-- The captions live in image_captions now (V031).
ALTER TABLE images DROP COLUMN caption;
ALTER TABLE images DROP COLUMN credit;
