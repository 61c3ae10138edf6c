-- Version 8: what the reports need to find a period's petitions without reading them all.
-- petitions.handled_on and handled_action are the date and action of the petition's first
-- handling (a `handled` event, or an `accepted` one, which implies handling with action
-- accept; the earliest by date, then by entry): derived data kept by triggers on events,
-- never set by the application. Petitions carried over into a period are those received
-- before it and not handled before it began.
ALTER TABLE petitions ADD COLUMN handled_on TEXT;
ALTER TABLE petitions ADD COLUMN handled_action TEXT;
UPDATE petitions SET (handled_on, handled_action) = (
    SELECT e.on_date, coalesce(e.action, 'accept') FROM events e
     WHERE e.petition_id = petitions.id AND e.kind IN ('handled', 'accepted')
     ORDER BY e.on_date, e.id LIMIT 1);
CREATE INDEX petitions_handled_on ON petitions (handled_on);

CREATE TRIGGER events_handled_on_insert AFTER INSERT ON events
WHEN NEW.kind IN ('handled', 'accepted')
BEGIN
    UPDATE petitions SET handled_on = NEW.on_date, handled_action = coalesce(NEW.action, 'accept')
     WHERE id = NEW.petition_id AND (handled_on IS NULL OR handled_on > NEW.on_date);
END;

CREATE TRIGGER events_handled_on_delete AFTER DELETE ON events
WHEN OLD.kind IN ('handled', 'accepted')
BEGIN
    UPDATE petitions SET (handled_on, handled_action) = (
        SELECT e.on_date, coalesce(e.action, 'accept') FROM events e
         WHERE e.petition_id = petitions.id AND e.kind IN ('handled', 'accepted')
         ORDER BY e.on_date, e.id LIMIT 1)
     WHERE id = OLD.petition_id;
END;

CREATE TRIGGER events_handled_on_update AFTER UPDATE OF petition_id, on_date, kind, action ON events
BEGIN
    UPDATE petitions SET (handled_on, handled_action) = (
        SELECT e.on_date, coalesce(e.action, 'accept') FROM events e
         WHERE e.petition_id = petitions.id AND e.kind IN ('handled', 'accepted')
         ORDER BY e.on_date, e.id LIMIT 1)
     WHERE id IN (OLD.petition_id, NEW.petition_id);
END;

-- Replies and resolutions of a period by date.
CREATE INDEX events_kind_on ON events (kind, on_date);
