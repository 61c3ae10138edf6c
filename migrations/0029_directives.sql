-- What the commune must carry out but did not decide itself: an inspection's conclusion,
-- another body's decision or denunciation conclusion, a supervision recommendation of the
-- People's Council or the Fatherland Front. Each has tasks with who and by when; late
-- tasks show on the dashboard. Rows are never deleted: a directive entered by mistake is
-- voided with its reason.
CREATE TABLE directives (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('inspection_conclusion', 'decision',
                                              'denunciation_conclusion', 'supervision')),
    issuer      TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    issued_on   TEXT NOT NULL,
    received_on TEXT NOT NULL,
    summary     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    voided_at   TEXT,
    void_reason TEXT
) STRICT;

CREATE TABLE directive_tasks (
    id           INTEGER PRIMARY KEY,
    directive_id INTEGER NOT NULL REFERENCES directives (id),
    what         TEXT NOT NULL,
    who          TEXT NOT NULL,
    due          TEXT NOT NULL,
    done_on      TEXT,
    result       TEXT,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX directive_tasks_open ON directive_tasks (due) WHERE done_on IS NULL;
CREATE INDEX directive_tasks_directive ON directive_tasks (directive_id);
