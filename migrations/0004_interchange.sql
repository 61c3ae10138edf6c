-- Version 4: what the interchange format holds that the schema did not.

-- A host's periodic reception days (`reception_plan` records). `rule` is the format's JSON:
-- {"weekly": ["mon", …]} or {"monthly": [10, 25]}.
CREATE TABLE reception_plans (
    id         INTEGER PRIMARY KEY,
    ref        TEXT UNIQUE,
    host       TEXT NOT NULL CHECK (host IN ('chair', 'party_secretary', 'vice_chair')),
    host_name  TEXT NOT NULL,
    rule       TEXT NOT NULL CHECK (json_valid(rule)),
    from_date  TEXT NOT NULL,
    to_date    TEXT,
    place      TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time   TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- This database's name in interchange files: the refs export makes up for records typed in
-- the app start with it ("3fa2c1d0-citizen-17"), so that a file exported here and imported
-- here again finds those records instead of creating them twice, and files of two
-- databases never share a made-up ref.
INSERT INTO settings (key, value) VALUES ('interchange_id', lower(hex(randomblob(4))));
