-- The KQGQ tables read every accepted complaint up to the period's end: the index now holds
-- the columns they need, so the petitions' rows are not read one by one (with the database
-- encrypted, each page read costs a decryption). An event's kind joins its index for the
-- same reason: only the outcome events' rows are read.
DROP INDEX petitions_accepted_complaints;
CREATE INDEX petitions_accepted_complaints
    ON petitions (handled_on, case_id, instance, kind, handled_action)
    WHERE kind = 'complaint' AND handled_action = 'accept';
DROP INDEX events_petition;
CREATE INDEX events_petition ON events (petition_id, on_date, kind);

-- The XLD tables carry forward every petition still unhandled when the period begins:
-- scattered over the years, they are read from this small covering index instead of the
-- table. The denunciation's "first of its case" count reads the case index alone.
CREATE INDEX petitions_unhandled
    ON petitions (received_on, case_id, kind, handled_on, handled_action, field, instance, court_accepted)
    WHERE handled_on IS NULL;
DROP INDEX petitions_case;
CREATE INDEX petitions_case ON petitions (case_id, received_on);
