-- Release 1, as Hibernate created it before migrations existed: investors, commitments and their history.
-- The platform's tables (outbox, idempotency) come from db/platform. Names, column order and the
-- foreign key's generated name are Hibernate's, so a database it created is exactly this version.
create table commitment (
    amount_usd numeric(22,2) not null,
    announced_on date not null,
    disbursed_usd numeric(22,2) not null,
    reported_amount numeric(22,2),
    reported_currency varchar(3),
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    version bigint not null,
    id uuid not null,
    investor_id uuid not null,
    notes text,
    purpose varchar(255) not null check (purpose in ('FABS', 'DATA_CENTERS', 'GENERAL_AI_INFRASTRUCTURE')),
    sources text not null,
    status varchar(255) not null check (status in ('RUMORED', 'DISCUSSED', 'PLEDGED', 'COMMITTED', 'DISBURSED', 'WITHDRAWN')),
    primary key (id)
);

create table commitment_change (
    amount_from_usd numeric(22,2),
    amount_to_usd numeric(22,2) not null,
    disbursed_from_usd numeric(22,2),
    disbursed_to_usd numeric(22,2) not null,
    recorded_at timestamp(6) with time zone not null,
    version bigint not null,
    aggregate_id uuid not null,
    id uuid not null,
    source_title varchar(500) not null,
    source_url varchar(2000) not null,
    actor varchar(255) not null,
    changes text not null,
    from_status varchar(255) check (from_status in ('RUMORED', 'DISCUSSED', 'PLEDGED', 'COMMITTED', 'DISBURSED', 'WITHDRAWN')),
    kind varchar(255) not null,
    note text,
    to_status varchar(255) not null check (to_status in ('RUMORED', 'DISCUSSED', 'PLEDGED', 'COMMITTED', 'DISBURSED', 'WITHDRAWN')),
    primary key (id)
);

create table investor (
    country varchar(2) not null,
    created_at timestamp(6) with time zone not null,
    id uuid not null,
    kind varchar(255) not null check (kind in ('SOVEREIGN_FUND', 'CORPORATE', 'GOVERNMENT', 'PRIVATE_CAPITAL', 'OTHER')),
    name varchar(255) not null,
    name_key varchar(255) not null,
    primary key (id),
    constraint investor_name_key_unique unique (name_key)
);

create index commitment_change_history on commitment_change (aggregate_id, version);
create index commitment_investor on commitment (investor_id);
create index commitment_listing on commitment (announced_on, id);

alter table commitment add constraint fkp4krnsvm520x3t5ffs4hq56n3 foreign key (investor_id) references investor (id);
