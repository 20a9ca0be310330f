-- The platform's tables as release 1 left them: one event published, one still waiting for the
-- relay, and the first response to a request that carried an Idempotency-Key.
insert into outbox_event (id, event_id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, occurred_at, payload, published_at)
values (nextval('outbox_event_seq'), '0b7f2a8e-4c1d-4a51-9d55-1f0e6c7d2a01', 'chipbet.release1.v1', 'Release1', '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a001', 1,
        'Release1Recorded', '2026-11-20 09:00:00+00', '{"specversion":"1.0","type":"Release1Recorded","data":{"version":1}}', '2026-11-20 09:00:01+00'),
       (nextval('outbox_event_seq'), '0b7f2a8e-4c1d-4a51-9d55-1f0e6c7d2a02', 'chipbet.release1.v1', 'Release1', '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a001', 2,
        'Release1Updated', '2026-11-20 09:05:00+00', '{"specversion":"1.0","type":"Release1Updated","data":{"version":2}}', null);

insert into idempotent_request (scope, idempotency_key, request_hash, status, location, body, version, created_at)
values ('release-1', 'b9d3c4e5-6f70-4812-9a3b-4c5d6e7f8091', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 201,
        '/api/v1/release-1/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a001', '{"version":1}', 1, '2026-11-20 09:00:00+00');
