-- An outcome recorded on the wrong petition (or twice) is voided: the event leaves the
-- events every deadline and report reads, and is kept here whole, with when and why.
CREATE TABLE voided_events (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL,
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    record      TEXT NOT NULL CHECK (json_valid(record)),
    reason      TEXT NOT NULL,
    voided_at   TEXT NOT NULL
) STRICT;
CREATE INDEX voided_events_petition ON voided_events (petition_id);
