-- An event's status (chronicle.Event.Status): '' for a happening, else
-- 'negated' or its modality. Events of different status are kept apart, so a
-- trip that "may" happen or "did not" happen is never merged with, or counted
-- as, a trip that did. Existing rows take the status of their first report.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT '';
UPDATE events SET status = coalesce((SELECT CASE WHEN r.negated <> 0 THEN 'negated'
	WHEN r.modality IN ('', 'asserted') THEN '' ELSE r.modality END
	FROM event_reports r WHERE r.doc_id = events.doc_id AND r.idx = events.idx), '');
CREATE INDEX events_status_day ON events (status, day);
