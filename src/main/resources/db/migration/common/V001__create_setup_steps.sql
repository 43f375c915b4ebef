-- One row per one-time start-up step (first admin, editions, demo content).
-- The primary key makes a step run once even when two nodes start together.
CREATE TABLE setup_steps (
    step        VARCHAR(64)              NOT NULL PRIMARY KEY,
    done_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
