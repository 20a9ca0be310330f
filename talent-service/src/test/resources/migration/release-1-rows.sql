-- talent-service's tables as release 1 left them: a pool for one role with its history, an
-- all-roles pool (V2 narrows the key it is under; it must stay), a training program and an estimate.
insert into talent_pool (id, region, role, as_of_year, headcount, annual_pipeline, attrition_rate, sources, version, created_at, updated_at)
values ('a1000000-0000-4000-8000-000000000001', 'US', 'TECHNICIAN', 2022, 120000, 4000, 0.0600,
        '[{"url":"https://www.semiconductors.org/chipping-away","title":"Chipping Away (SIA, 2023)"}]', 2,
        '2026-11-20 09:00:00+00', '2026-11-21 09:00:00+00'),
       ('a1000000-0000-4000-8000-000000000002', 'US', null, 2022, 345000, 10000, 0.0500,
        '[{"url":"https://www.semiconductors.org/chipping-away","title":"Chipping Away (SIA, 2023)"}]', 1,
        '2026-11-20 09:10:00+00', '2026-11-20 09:10:00+00');

insert into talent_pool_change (id, aggregate_id, version, kind, changes, actor, recorded_at, source_url, source_title, note)
values ('a2000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 1, 'TalentPoolRecorded', '[]', 'analyst',
        '2026-11-20 09:00:00+00', 'https://www.semiconductors.org/chipping-away', 'Chipping Away (SIA, 2023)', null),
       ('a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001', 2, 'TalentPoolUpdated',
        '[{"field":"headcount","from":115000,"to":120000}]', 'analyst', '2026-11-21 09:00:00+00',
        'https://www.semiconductors.org/chipping-away', 'Chipping Away (SIA, 2023)', '2023 census'),
       ('a2000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000002', 1, 'TalentPoolRecorded', '[]', 'analyst',
        '2026-11-20 09:10:00+00', 'https://www.semiconductors.org/chipping-away', 'Chipping Away (SIA, 2023)', null);

insert into training_program (id, name, region, role, workers_per_year, start_year, end_year, funding_usd, source_url, source_title, created_at)
values ('a3000000-0000-4000-8000-000000000001', 'Technician apprenticeships', 'US', 'TECHNICIAN', 1500, 2024, 2030, 25000000.00,
        'https://www.nist.gov/chips', 'CHIPS workforce programs (NIST)', '2026-11-20 09:20:00+00');

insert into shortfall_estimate (id, region, role, target_year, shortfall, demand, source_url, source_title, created_at)
values ('a4000000-0000-4000-8000-000000000001', 'US', null, 2030, 67000, 460000,
        'https://www.semiconductors.org/chipping-away', 'Chipping Away (SIA, 2023)', '2026-11-20 09:30:00+00');
