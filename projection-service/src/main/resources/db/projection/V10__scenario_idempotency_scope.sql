-- Scenario creations now keep their Idempotency-Keys in the scope every write uses, the path below api/v1
-- ("scenarios"), instead of the older "scenario": a retry with a key sent before the upgrade still replays.
update idempotent_request set scope = 'scenarios' where scope = 'scenario';
