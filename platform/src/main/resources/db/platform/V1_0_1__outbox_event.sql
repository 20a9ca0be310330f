-- Release 1, as Hibernate created it before migrations existed: the transactional outbox (OutboxEvent).
create sequence outbox_event_seq start with 1 increment by 1;

create table outbox_event (
    aggregate_version bigint not null,
    id bigint not null,
    occurred_at timestamp(6) with time zone not null,
    published_at timestamp(6) with time zone,
    event_id uuid not null,
    aggregate_id varchar(255) not null,
    aggregate_type varchar(255) not null,
    event_type varchar(255) not null,
    payload text not null,
    topic varchar(255) not null,
    primary key (id),
    unique (event_id)
);

-- The relay's next batch: unpublished rows in id order.
create index outbox_event_unpublished on outbox_event (published_at, id);
