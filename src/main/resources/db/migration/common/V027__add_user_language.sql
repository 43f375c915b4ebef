-- The newsroom language each account chose; NULL follows the default edition's
ALTER TABLE users ADD COLUMN language VARCHAR(3);
