-- Release 1, as Hibernate created it before migrations existed: pools with their history, training
-- programs and shortfall estimates. The platform's tables (outbox, idempotency) come from db/platform.
create table shortfall_estimate (
    target_year integer not null,
    created_at timestamp(6) with time zone not null,
    demand bigint,
    shortfall bigint not null,
    id uuid not null,
    source_title varchar(500) not null,
    source_url varchar(2000) not null,
    region varchar(255) not null,
    role varchar(255) check (role in ('ENGINEER', 'TECHNICIAN', 'COMPUTER_SCIENTIST', 'CONSTRUCTION_TRADES')),
    primary key (id)
);

create table talent_pool (
    as_of_year integer not null,
    attrition_rate numeric(6,4) not null,
    annual_pipeline bigint not null,
    created_at timestamp(6) with time zone not null,
    headcount bigint not null,
    updated_at timestamp(6) with time zone not null,
    version bigint not null,
    id uuid not null,
    region varchar(255) not null,
    role varchar(255) check (role in ('ENGINEER', 'TECHNICIAN', 'COMPUTER_SCIENTIST', 'CONSTRUCTION_TRADES')),
    sources text not null,
    primary key (id),
    -- Nulls are distinct here, so it lets any number of all-roles pools into one region (V2 fixes that).
    constraint talent_pool_region_role unique (region, role)
);

create table talent_pool_change (
    recorded_at timestamp(6) with time zone not null,
    version bigint not null,
    aggregate_id uuid not null,
    id uuid not null,
    source_title varchar(500) not null,
    source_url varchar(2000) not null,
    actor varchar(255) not null,
    changes text not null,
    kind varchar(255) not null,
    note text,
    primary key (id)
);

create table training_program (
    end_year integer not null,
    funding_usd numeric(22,2),
    start_year integer not null,
    created_at timestamp(6) with time zone not null,
    workers_per_year bigint not null,
    id uuid not null,
    source_title varchar(500) not null,
    source_url varchar(2000) not null,
    name varchar(255) not null,
    region varchar(255) not null,
    role varchar(255) not null check (role in ('ENGINEER', 'TECHNICIAN', 'COMPUTER_SCIENTIST', 'CONSTRUCTION_TRADES')),
    primary key (id)
);

create index talent_pool_change_history on talent_pool_change (aggregate_id, version);
create index training_program_pool on training_program (region, role);
