-- A caption so far belonged to no edition: it goes to the edition of the first
-- article that led with the image, else the default edition (a placeholder from
-- application.yml).
INSERT INTO image_captions (image_id, edition, caption, credit)
SELECT i.id,
       COALESCE((SELECT a.edition FROM articles a WHERE a.lead_image_id = i.id ORDER BY a.id FETCH FIRST 1 ROWS ONLY),
                (SELECT e.code FROM editions e WHERE e.code = '${defaultedition}'),
                (SELECT e.code FROM editions e ORDER BY e.position FETCH FIRST 1 ROWS ONLY)),
       i.caption, i.credit
FROM images i
WHERE (i.caption <> '' OR i.credit <> '') AND EXISTS (SELECT 1 FROM editions);
