-- Team scoping: a customer may belong to one team of collectors (null: every collector's).
alter table customers add column team varchar(60);

-- Who read or changed which customer's data, when, through which endpoint. One row per
-- customer per request, written before the answer leaves; auditors read it, never the reader.
create table access_log (
    -- insertion order: many reads share an instant
    id           bigint generated always as identity primary key,
    accessed_at  timestamp with time zone not null,
    user_id      varchar(100) not null,
    customer_id  uuid,
    http_method  varchar(10)  not null,
    endpoint     varchar(200) not null,
    outcome      varchar(20)  not null
);

-- Auditors ask "who saw this customer, when" and "what was read in this period".
create index ix_access_log_customer on access_log (customer_id, accessed_at);
create index ix_access_log_time on access_log (accessed_at);
