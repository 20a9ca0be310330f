-- projection-service's tables as release 1 left them: one applied aggregate, the score's version
-- and the score point that change made.
insert into aggregate_state (aggregate_type, aggregate_id, version, event_id, event, applied_at)
values ('Fab', 'b1000000-0000-4000-8000-000000000001', 2, 'c1000000-0000-4000-8000-000000000001',
        '{"type":"FabDelayed","aggregateId":"b1000000-0000-4000-8000-000000000001","aggregateVersion":2}', '2026-11-21 09:00:02+00');

insert into score_version (plan_id, version, changes, as_of, cause)
values ('altman-7t-2030', 7, 7, '2026-11-21 09:00:02+00', 'FabDelayed: Fab 21 phase 1 slipped 12 months');

insert into score_point (id, at, event_id, event_type, aggregate_type, aggregate_id, description, score_before, score_after, score_delta,
                         capital_delta, capacity_delta, talent_delta, binding_constraint)
values (nextval('score_point_seq'), '2026-11-21 09:00:02+00', 'c1000000-0000-4000-8000-000000000001', 'FabDelayed', 'Fab',
        'b1000000-0000-4000-8000-000000000001', 'Fab 21 phase 1 slipped 12 months', 0.41, 0.40, -0.01, 0, -0.01, 0, 'CAPACITY');
