-- The projection's leader, one row: every new leader raises the epoch, and every write checks it (fencing).
create table projection_leadership (
    id integer not null,
    epoch bigint not null,
    holder varchar(255) not null,
    since timestamp(6) with time zone not null,
    primary key (id)
);
