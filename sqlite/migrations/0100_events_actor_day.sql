-- Indexes for paging through the events of one actor, newest first (the
-- HTTP API's event queries, see internal/eventquery): a walk of one index
-- range instead of sorting every event of the actor. Numbered 0100 to stay
-- clear of the schema's own sequence.
CREATE INDEX IF NOT EXISTS events_source_day ON events (source_actor, day, id);
CREATE INDEX IF NOT EXISTS events_target_day ON events (target_actor, day, id);
