-- Release 1, as Hibernate created it before migrations existed: first responses kept for retries (IdempotentRequest).
create table idempotent_request (
    status integer not null,
    created_at timestamp(6) with time zone not null,
    version bigint not null,
    body text not null,
    idempotency_key varchar(255) not null,
    location varchar(255) not null,
    request_hash varchar(255) not null,
    scope varchar(255) not null,
    primary key (idempotency_key, scope)
);
