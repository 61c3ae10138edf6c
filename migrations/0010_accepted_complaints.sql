-- The KQGQ reports read the complaints the commune accepted (thụ lý), by acceptance date.
CREATE INDEX petitions_accepted_complaints ON petitions (handled_on)
    WHERE kind = 'complaint' AND handled_action = 'accept';

-- A frozen submission cannot be replaced either (INSERT OR REPLACE skips delete triggers).
CREATE TRIGGER submitted_reports_no_replace BEFORE INSERT ON submitted_reports
    WHEN EXISTS (SELECT 1 FROM submitted_reports WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'Báo cáo đã nộp không được thay thế.');
END;
