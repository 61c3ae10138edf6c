-- Version 9: reports submitted to the province, frozen. Each row keeps the numbers as
-- submitted and their SHA-256; rows are never changed or removed, so a later run of the
-- same period can show what changed after late edits.
CREATE TABLE submitted_reports (
    id           INTEGER PRIMARY KEY,
    template     TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    columns      TEXT NOT NULL CHECK (json_valid(columns)),
    sha256       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL
) STRICT;
CREATE INDEX submitted_reports_period ON submitted_reports (template, period_from, period_to);

CREATE TRIGGER submitted_reports_no_update BEFORE UPDATE ON submitted_reports
BEGIN
    SELECT RAISE(ABORT, 'Báo cáo đã nộp không được sửa.');
END;

CREATE TRIGGER submitted_reports_no_delete BEFORE DELETE ON submitted_reports
BEGIN
    SELECT RAISE(ABORT, 'Báo cáo đã nộp không được xóa.');
END;
