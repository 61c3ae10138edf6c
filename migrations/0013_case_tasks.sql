-- What must be done on a petition's case after intake, by whom and by when: carrying out a
-- decision (thi hành), a step of the case's plan, publishing a decision (niêm yết), a
-- review of a watched case. Open until marked done; late ones show on the dashboard.
CREATE TABLE case_tasks (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('enforcement', 'step', 'publication', 'review')),
    what        TEXT NOT NULL,
    who         TEXT NOT NULL,
    due         TEXT NOT NULL,
    done_on     TEXT,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX case_tasks_open ON case_tasks (due) WHERE done_on IS NULL;
CREATE INDEX case_tasks_petition ON case_tasks (petition_id);
