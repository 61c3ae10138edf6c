-- A complaint about a disciplinary decision has its own time limits (Luật Khiếu nại
-- Điều 48–51): the kind of decision complained about is kept with the petition (NULL =
-- an administrative decision or act). A denunciation presented orally in person, with no
-- written đơn, is guided rather than transferred when it is not the commune's (Luật Tố cáo
-- Điều 24).
ALTER TABLE petitions ADD COLUMN decision_kind TEXT
    CHECK (decision_kind IS NULL OR decision_kind IN ('administrative', 'disciplinary', 'dismissal'));
ALTER TABLE petitions ADD COLUMN oral INTEGER NOT NULL DEFAULT 0 CHECK (oral IN (0, 1));
