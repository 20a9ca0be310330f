-- Release 1, as Hibernate created it before migrations existed: the persistent projection (each
-- aggregate's last applied event), the score's version and its history. The platform's tables
-- (outbox, idempotency) come from db/platform.
create table aggregate_state (
    applied_at timestamp(6) with time zone not null,
    version bigint not null,
    aggregate_id uuid not null,
    event_id uuid not null,
    aggregate_type varchar(255) not null,
    event text not null,
    primary key (aggregate_id, aggregate_type)
);

create sequence score_point_seq start with 1 increment by 1;

create table score_point (
    capacity_delta double precision not null,
    capital_delta double precision not null,
    score_after double precision,
    score_before double precision,
    score_delta double precision not null,
    talent_delta double precision not null,
    at timestamp(6) with time zone not null,
    id bigint not null,
    aggregate_id uuid not null,
    event_id uuid not null,
    description varchar(1000) not null,
    aggregate_type varchar(255) not null,
    binding_constraint varchar(255),
    event_type varchar(255) not null,
    primary key (id)
);

create table score_version (
    changes integer not null,
    as_of timestamp(6) with time zone,
    version bigint not null,
    cause varchar(1000),
    plan_id varchar(255) not null,
    primary key (plan_id)
);

create index score_point_time on score_point (at);
