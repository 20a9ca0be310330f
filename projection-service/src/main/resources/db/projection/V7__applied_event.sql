-- Every applied event with its news date (when the fact became known), for the answer as of a day and the
-- history in news time. Release 1 kept the latest state per aggregate only; a rebuild fills this table.
create table applied_event (
    aggregate_type varchar(255) not null,
    aggregate_id uuid not null,
    version bigint not null,
    effective_on date not null,
    event text not null,
    primary key (aggregate_type, aggregate_id, version)
);
create index applied_event_news_date on applied_event (effective_on);
