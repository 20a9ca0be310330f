-- funding-service's tables as release 1 left them: an investor, a commitment revised once, and its history.
insert into investor (id, name, name_key, kind, country, created_at)
values ('f1000000-0000-4000-8000-000000000001', 'Mubadala', 'mubadala', 'SOVEREIGN_FUND', 'AE', '2026-11-20 09:00:00+00');

insert into commitment (id, investor_id, amount_usd, disbursed_usd, reported_amount, reported_currency, announced_on, purpose, status,
                        notes, sources, version, created_at, updated_at)
values ('f2000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001', 100000000000.00, 0.00, 100000000000.00, 'USD',
        '2024-02-14', 'FABS', 'DISCUSSED', 'Reported talks',
        '[{"url":"https://www.wsj.com/tech/ai/sam-altman-seeks-trillions","title":"WSJ, 8 Feb 2024"}]', 2,
        '2026-11-20 09:00:00+00', '2026-11-21 09:00:00+00');

insert into commitment_change (id, aggregate_id, version, kind, changes, actor, recorded_at, source_url, source_title, note,
                               from_status, to_status, amount_from_usd, amount_to_usd, disbursed_from_usd, disbursed_to_usd)
values ('f3000000-0000-4000-8000-000000000001', 'f2000000-0000-4000-8000-000000000001', 1, 'CommitmentRecorded', '[]', 'analyst',
        '2026-11-20 09:00:00+00', 'https://www.wsj.com/tech/ai/sam-altman-seeks-trillions', 'WSJ, 8 Feb 2024', null,
        null, 'RUMORED', null, 100000000000.00, null, 0.00),
       ('f3000000-0000-4000-8000-000000000002', 'f2000000-0000-4000-8000-000000000001', 2, 'CommitmentStatusChanged',
        '[{"field":"status","from":"RUMORED","to":"DISCUSSED"}]', 'analyst', '2026-11-21 09:00:00+00',
        'https://www.wsj.com/tech/ai/sam-altman-seeks-trillions', 'WSJ, 8 Feb 2024', 'Talks confirmed',
        'RUMORED', 'DISCUSSED', 100000000000.00, 100000000000.00, 0.00, 0.00);
