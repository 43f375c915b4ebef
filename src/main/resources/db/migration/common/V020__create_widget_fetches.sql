-- The last fetch of each outside service behind the widgets, for the newsroom's status
-- page and the health check: when it last worked, and when and why it last failed.
CREATE TABLE widget_fetches (
    source          VARCHAR(16)              NOT NULL PRIMARY KEY,
    last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_success_at TIMESTAMP WITH TIME ZONE,
    last_error_at   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);
