-- An image's caption and credit per edition: the English editor is not offered the
-- Russian words. V031 moves the captions of before.
CREATE TABLE image_captions (
    image_id BIGINT       NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    edition  VARCHAR(8)   NOT NULL REFERENCES editions (code),
    caption  VARCHAR(500) NOT NULL,
    credit   VARCHAR(200) NOT NULL,
    PRIMARY KEY (image_id, edition)
);
