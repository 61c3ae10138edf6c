-- Version 3: search index, denouncers kept apart, the office calendar.
-- `fold(text)` is registered by the application for this migration (text::fold).

-- Denouncers (người tố cáo): the identity of a denunciation's petitioners, stored apart
-- from the petition and from petition_citizens, read only where a use case needs it.
CREATE TABLE denouncers (
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (petition_id, citizen_id)
) STRICT;
CREATE INDEX denouncers_citizen ON denouncers (citizen_id);

INSERT INTO denouncers (petition_id, citizen_id, position)
    SELECT pc.petition_id, pc.citizen_id, pc.position
    FROM petition_citizens pc JOIN petitions p ON p.id = pc.petition_id
    WHERE p.kind = 'denunciation';
DELETE FROM petition_citizens
    WHERE petition_id IN (SELECT id FROM petitions WHERE kind = 'denunciation');

CREATE TRIGGER petition_citizens_no_denouncer BEFORE INSERT ON petition_citizens
WHEN (SELECT kind FROM petitions WHERE id = NEW.petition_id) = 'denunciation'
BEGIN
    SELECT RAISE(ABORT, 'a denunciation''s petitioners belong in denouncers');
END;

CREATE INDEX petition_citizens_citizen ON petition_citizens (citizen_id);
CREATE INDEX visit_citizens_citizen ON visit_citizens (citizen_id);
CREATE INDEX petitions_case ON petitions (case_id);
CREATE INDEX petitions_visit ON petitions (visit_id);
CREATE INDEX visits_case ON visits (case_id);

-- Days that differ from the ordinary Monday–Friday week (nghỉ lễ, Tết, làm bù).
CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'working_day')),
    note TEXT NOT NULL DEFAULT ''
) STRICT;

-- Visits get a folded summary for search like petitions have.
ALTER TABLE visits ADD COLUMN summary_fold TEXT NOT NULL DEFAULT '';
UPDATE visits SET summary_fold = fold(summary);

-- One full-text index over folded text (tone- and case-insensitive, đ = d).
-- rowid = -(entity id * 4 + kind) (kind 0 citizen, 1 petition, 2 visit): negative, so that
-- FTS5's fast ascending rowid order lists the newest records first.
-- Citizens known only as denouncers are not indexed.
-- detail = none: no positions are kept (queries are words and a last-word prefix, never
-- phrases), which keeps the index small and AND queries over common words fast.
CREATE VIRTUAL TABLE search USING fts5 (
    body,
    tokenize = 'unicode61',
    prefix = '2 3',
    detail = none
);

CREATE TRIGGER citizens_search_insert AFTER INSERT ON citizens WHEN NEW.denouncer_only = 0
BEGIN
    INSERT INTO search (rowid, body) VALUES (-(NEW.id * 4),
        NEW.name_fold || ' ' || NEW.address_fold || ' ' || coalesce(NEW.id_number, '') || ' '
        || coalesce(NEW.phone, ''));
END;
CREATE TRIGGER citizens_search_update AFTER UPDATE ON citizens
BEGIN
    DELETE FROM search WHERE rowid = -(OLD.id * 4);
    INSERT INTO search (rowid, body) SELECT -(NEW.id * 4),
        NEW.name_fold || ' ' || NEW.address_fold || ' ' || coalesce(NEW.id_number, '') || ' '
        || coalesce(NEW.phone, '')
        WHERE NEW.denouncer_only = 0;
END;
CREATE TRIGGER citizens_search_delete AFTER DELETE ON citizens
BEGIN
    DELETE FROM search WHERE rowid = -(OLD.id * 4);
END;

CREATE TRIGGER petitions_search_insert AFTER INSERT ON petitions
BEGIN
    INSERT INTO search (rowid, body) VALUES (-(NEW.id * 4 + 1),
        NEW.summary_fold || ' ' || coalesce(NEW.forwarded_doc, '') || ' '
        || coalesce(NEW.ref, ''));
END;
CREATE TRIGGER petitions_search_update AFTER UPDATE OF summary_fold, forwarded_doc, ref ON petitions
BEGIN
    DELETE FROM search WHERE rowid = -(OLD.id * 4 + 1);
    INSERT INTO search (rowid, body) VALUES (-(NEW.id * 4 + 1),
        NEW.summary_fold || ' ' || coalesce(NEW.forwarded_doc, '') || ' '
        || coalesce(NEW.ref, ''));
END;
CREATE TRIGGER petitions_search_delete AFTER DELETE ON petitions
BEGIN
    DELETE FROM search WHERE rowid = -(OLD.id * 4 + 1);
END;

CREATE TRIGGER visits_search_insert AFTER INSERT ON visits
BEGIN
    INSERT INTO search (rowid, body) VALUES (-(NEW.id * 4 + 2), NEW.summary_fold);
END;
CREATE TRIGGER visits_search_update AFTER UPDATE OF summary_fold ON visits
BEGIN
    DELETE FROM search WHERE rowid = -(OLD.id * 4 + 2);
    INSERT INTO search (rowid, body) VALUES (-(NEW.id * 4 + 2), NEW.summary_fold);
END;
CREATE TRIGGER visits_search_delete AFTER DELETE ON visits
BEGIN
    DELETE FROM search WHERE rowid = -(OLD.id * 4 + 2);
END;

INSERT INTO search (rowid, body)
    SELECT -(id * 4), name_fold || ' ' || address_fold || ' ' || coalesce(id_number, '') || ' '
        || coalesce(phone, '')
    FROM citizens WHERE denouncer_only = 0;
INSERT INTO search (rowid, body)
    SELECT -(id * 4 + 1), summary_fold || ' ' || coalesce(forwarded_doc, '') || ' ' || coalesce(ref, '')
    FROM petitions;
INSERT INTO search (rowid, body) SELECT -(id * 4 + 2), summary_fold FROM visits;
