-- A report due under a plan, marked sent: its reminder leaves the dashboard. Periodic
-- reports leave it when submitted (submitted_reports).
CREATE TABLE reminders_sent (
    key      TEXT PRIMARY KEY,
    sent_on  TEXT NOT NULL,
    actor    TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT ''
) STRICT;
