-- Version 6: the computed deadlines of every petition, kept for the dashboard and lists.
-- Derived data only: rebuilt from petitions, events, the calendar and the rules in the
-- same transaction as any change to them (never edited on its own); the explanation is
-- computed on demand. closed_on on petitions_state marks a petition no longer open.
CREATE TABLE deadline_cache (
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    due         TEXT NOT NULL,
    met_on      TEXT,
    obligation  TEXT NOT NULL CHECK (obligation IN ('office', 'citizen')),
    suspended   INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    closed_on   TEXT,
    PRIMARY KEY (petition_id, name)
) STRICT, WITHOUT ROWID;
-- The dashboard reads unmet office deadlines by due date.
CREATE INDEX deadline_cache_open ON deadline_cache (due)
    WHERE met_on IS NULL AND obligation = 'office' AND closed_on IS NULL;
