-- An embargo keeps a published article from readers until the given time.
ALTER TABLE articles ADD COLUMN embargo_until TIMESTAMP WITH TIME ZONE;
