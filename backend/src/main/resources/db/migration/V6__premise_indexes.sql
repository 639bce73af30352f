CREATE INDEX premise_geom_idx ON premise USING gist (geom);
CREATE INDEX premise_insee_idx ON premise (insee);
CREATE INDEX premise_pm_zone_idx ON premise (pm_zone_id);
CREATE INDEX premise_sub_distributor_idx ON premise (sub_distributor_id);
CREATE INDEX premise_state_idx ON premise (state);
CREATE INDEX premise_event_premise_idx ON premise_event (premise_id, field, effective_on);
CREATE INDEX premise_event_batch_idx ON premise_event (batch_id);
