-- An editor may ask for a live blog's entry to go to the edition's Telegram channel:
-- the entry remembers the ask (content), and the channel post is one of the edition's
-- posts, for the entry (distribution). An article's own post has no entry.
ALTER TABLE live_entries ADD COLUMN shared_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE live_entries ADD COLUMN shared_by VARCHAR(64);
ALTER TABLE telegram_posts ADD COLUMN live_entry_id BIGINT;
