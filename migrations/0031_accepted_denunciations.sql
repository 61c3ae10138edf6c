-- Biểu 03/KQGQ reads every accepted denunciation up to the period's end, as 01/KQGQ reads
-- the complaints: the same covering index, so the petitions' rows are not read one by one.
CREATE INDEX petitions_accepted_denunciations
    ON petitions (handled_on, case_id, instance, kind, handled_action)
    WHERE kind = 'denunciation' AND handled_action = 'accept';
