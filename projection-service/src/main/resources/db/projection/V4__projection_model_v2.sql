-- Model v2 measures the answer in leading-edge wafers a month at the horizon. Release 1's points measure a
-- score out of 100: they keep their own table, unchanged, and the history starts again in the new one
-- (POST /api/v1/admin/rebuild redraws it from the topics).
alter table score_point rename to score_point_v1;
alter table score_point_v1 rename constraint score_point_pkey to score_point_v1_pkey;
alter index score_point_time rename to score_point_v1_time;

create table score_point (
    id bigint not null,
    at timestamp(6) with time zone not null,
    event_id uuid not null,
    event_type varchar(255) not null,
    aggregate_type varchar(255) not null,
    aggregate_id uuid not null,
    description varchar(1000) not null,
    deliverable_before double precision not null,
    deliverable_after double precision not null,
    deliverable_delta double precision not null,
    fabs_delta double precision not null,
    capital_delta double precision not null,
    talent_delta double precision not null,
    binding_constraint varchar(255),
    primary key (id)
);
create index score_point_time on score_point (at);

-- The simulated figures last published: a restart that simulates the same record publishes nothing new.
alter table score_version
    add column probability double precision,
    add column deliverable_p10 double precision,
    add column deliverable_p50 double precision,
    add column deliverable_p90 double precision;
