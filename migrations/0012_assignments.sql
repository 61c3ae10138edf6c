-- What the host concluded at a reception session: for each matter, who is to act and by
-- when (giao nhiệm vụ). An assignment is due on the dashboard until it is marked done.
CREATE TABLE assignments (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES reception_sessions (id),
    case_id     INTEGER REFERENCES cases (id),
    citizen_id  INTEGER REFERENCES citizens (id),
    matter      TEXT NOT NULL,
    task        TEXT NOT NULL,
    assignee    TEXT NOT NULL,
    due         TEXT NOT NULL,
    done_on     TEXT,
    document_id INTEGER REFERENCES documents (id),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX assignments_open ON assignments (due) WHERE done_on IS NULL;
CREATE INDEX assignments_session ON assignments (session_id);
