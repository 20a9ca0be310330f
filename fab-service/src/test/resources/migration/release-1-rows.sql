-- fab-service's tables as release 1 left them: a fab that slipped once, and its timeline.
insert into fab (id, name, operator, country, region, site, node_class, process_label, status, paused_from, announced_on,
                 construction_start_on, original_production_date, planned_production_date, actual_production_date,
                 capacity_wafers_per_month, capex_usd, construction_peak_headcount, operations_headcount, sources, version,
                 created_at, updated_at)
values ('b1000000-0000-4000-8000-000000000001', 'Fab 21 phase 1', 'TSMC', 'US', 'US-AZ', 'Phoenix', 'LEADING_EDGE', 'N4',
        'UNDER_CONSTRUCTION', null, '2020-05-15', '2021-06-01', '2024-01-01', '2025-01-01', null, 20000, 12000000000.00, 12000, 2000,
        '[{"url":"https://pr.tsmc.com/english/news/2033","title":"TSMC Arizona (TSMC, 2020)"}]', 2,
        '2026-11-20 09:00:00+00', '2026-11-21 09:00:00+00');

insert into fab_change (id, aggregate_id, version, kind, changes, actor, recorded_at, source_url, source_title, note,
                        from_status, to_status, effective_on)
values ('b2000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', 1, 'FabAnnounced', '[]', 'analyst',
        '2026-11-20 09:00:00+00', 'https://pr.tsmc.com/english/news/2033', 'TSMC Arizona (TSMC, 2020)', null,
        null, 'UNDER_CONSTRUCTION', '2020-05-15'),
       ('b2000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001', 2, 'FabDelayed',
        '[{"field":"plannedProductionDate","from":"2024-01-01","to":"2025-01-01"}]', 'analyst', '2026-11-21 09:00:00+00',
        'https://pr.tsmc.com/english/news/3047', 'TSMC Q2 2023 earnings call', 'Skilled labour shortage',
        'UNDER_CONSTRUCTION', 'UNDER_CONSTRUCTION', '2023-07-20');
