-- Where an image's subject is, in percent from the left and from the top: teasers that
-- crop the image keep that point in view.
ALTER TABLE images ADD COLUMN focus_x SMALLINT DEFAULT 50 NOT NULL;
ALTER TABLE images ADD COLUMN focus_y SMALLINT DEFAULT 50 NOT NULL;
ALTER TABLE images ADD CONSTRAINT images_focus_inside CHECK (focus_x BETWEEN 0 AND 100 AND focus_y BETWEEN 0 AND 100);
