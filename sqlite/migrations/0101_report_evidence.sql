-- Keep each report's evidence text beside its offsets, so that event lists
-- need not read (and cut) the whole document text of every row.
ALTER TABLE event_reports ADD COLUMN evidence TEXT;
