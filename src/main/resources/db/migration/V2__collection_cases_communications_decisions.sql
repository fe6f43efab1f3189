-- Collections: cases, what was said to the customer (the outbox), and why.
create table collection_cases (
    id               uuid primary key,
    customer_id      uuid         not null references customers (id),
    status           varchar(20)  not null,
    -- set while the case is open, null once closed: the unique key keeps one open case per customer
    open_customer_id uuid,
    reminders_sent   integer      not null,
    opened_at        timestamp with time zone not null,
    closed_at        timestamp with time zone,
    last_action_at   timestamp with time zone,
    version          bigint       not null,
    constraint uk_collection_cases_open_customer unique (open_customer_id)
);
create index ix_collection_cases_customer on collection_cases (customer_id);

create table communications (
    id            uuid primary key,
    customer_id   uuid         not null references customers (id),
    case_id       uuid         references collection_cases (id),
    invoice_id    uuid         references invoices (id),
    channel       varchar(20)  not null,
    kind          varchar(30)  not null,
    dunning_level integer,
    -- one email per (case, step): the step that decided it names the key
    dedupe_key    varchar(200) not null,
    recipient     varchar(320),
    subject       varchar(300) not null,
    body          varchar(100000) not null,
    status        varchar(20)  not null,
    attempts      integer      not null,
    last_error    varchar(1000),
    message_id    varchar(200),
    author        varchar(100),
    created_at    timestamp with time zone not null,
    sent_at       timestamp with time zone,
    version       bigint       not null,
    constraint uk_communications_dedupe_key unique (dedupe_key)
);
create index ix_communications_customer on communications (customer_id, created_at);

create table decision_records (
    id              uuid primary key,
    customer_id     uuid         not null references customers (id),
    case_id         uuid         references collection_cases (id),
    table_name      varchar(100) not null,
    table_version   varchar(64)  not null,
    table_row       integer      not null,
    inputs          varchar(4000) not null,
    action          varchar(30)  not null,
    dunning_level   integer      not null,
    wait_days       integer      not null,
    reason          varchar(500) not null,
    decided_at      timestamp with time zone not null
);
create index ix_decision_records_customer on decision_records (customer_id, decided_at);

-- Spring Modulith's event publication registry: events between modules survive a crash.
create table event_publication (
    id               uuid primary key,
    listener_id      varchar(512) not null,
    event_type       varchar(512) not null,
    serialized_event varchar(100000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index ix_event_publication_incomplete on event_publication (completion_date, publication_date);
