-- Release 1, as Hibernate created it before migrations existed: fabs and their timeline.
-- The platform's tables (outbox, idempotency) come from db/platform.
create table fab (
    actual_production_date date,
    announced_on date not null,
    capacity_wafers_per_month integer,
    capex_usd numeric(22,2),
    construction_peak_headcount integer,
    construction_start_on date,
    country varchar(2) not null,
    operations_headcount integer,
    original_production_date date,
    planned_production_date date,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    version bigint not null,
    id uuid not null,
    name varchar(255) not null,
    node_class varchar(255) not null check (node_class in ('LEADING_EDGE', 'ADVANCED', 'MATURE', 'ADVANCED_PACKAGING', 'MEMORY_HBM')),
    operator varchar(255) not null,
    paused_from varchar(255) check (paused_from in ('ANNOUNCED', 'PERMITTING', 'UNDER_CONSTRUCTION', 'TOOL_INSTALL', 'RISK_PRODUCTION', 'VOLUME_PRODUCTION', 'PAUSED', 'CANCELLED')),
    process_label varchar(255),
    region varchar(255) not null,
    site varchar(255),
    sources text not null,
    status varchar(255) not null check (status in ('ANNOUNCED', 'PERMITTING', 'UNDER_CONSTRUCTION', 'TOOL_INSTALL', 'RISK_PRODUCTION', 'VOLUME_PRODUCTION', 'PAUSED', 'CANCELLED')),
    primary key (id)
);

create table fab_change (
    effective_on date,
    recorded_at timestamp(6) with time zone not null,
    version bigint not null,
    aggregate_id uuid not null,
    id uuid not null,
    source_title varchar(500) not null,
    source_url varchar(2000) not null,
    actor varchar(255) not null,
    changes text not null,
    from_status varchar(255) check (from_status in ('ANNOUNCED', 'PERMITTING', 'UNDER_CONSTRUCTION', 'TOOL_INSTALL', 'RISK_PRODUCTION', 'VOLUME_PRODUCTION', 'PAUSED', 'CANCELLED')),
    kind varchar(255) not null,
    note text,
    to_status varchar(255) not null check (to_status in ('ANNOUNCED', 'PERMITTING', 'UNDER_CONSTRUCTION', 'TOOL_INSTALL', 'RISK_PRODUCTION', 'VOLUME_PRODUCTION', 'PAUSED', 'CANCELLED')),
    primary key (id)
);

create index fab_change_timeline on fab_change (aggregate_id, version);
create index fab_listing on fab (announced_on, id);
