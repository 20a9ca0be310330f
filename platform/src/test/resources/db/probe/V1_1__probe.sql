-- The platform tests' own aggregate (Probe), beside the shared tables.
create table probe (
    version bigint not null,
    id uuid not null,
    name varchar(255),
    primary key (id)
);
