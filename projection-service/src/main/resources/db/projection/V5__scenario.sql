-- What-if scenarios on the live record: their spec as the API took it, revisions and published results.
create table scenario (
    id uuid not null,
    name varchar(200) not null,
    spec text not null,
    revision bigint not null,
    source varchar(20) not null,
    result_version bigint not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    primary key (id)
);
