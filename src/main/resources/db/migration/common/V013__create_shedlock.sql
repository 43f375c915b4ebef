-- ShedLock: keeps each scheduled job to one node of the cluster at a time.
-- Plain UTC timestamps, as ShedLock writes them with the database clock.
CREATE TABLE shedlock (
    name       VARCHAR(64)              NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3)   NOT NULL,
    locked_at  TIMESTAMP(3)   NOT NULL,
    locked_by  VARCHAR(255)             NOT NULL
);
