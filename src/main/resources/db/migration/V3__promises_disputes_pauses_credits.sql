-- The full collection path: promises, disputes, pauses, hardship, credits and write-offs.
alter table customers add column hardship boolean default false not null;

alter table invoices add column credited_amount numeric(19, 4) default 0 not null;
alter table invoices add column written_off_amount numeric(19, 4) default 0 not null;

create table credit_notes (
    id          uuid primary key,
    number      varchar(60)  not null,
    invoice_id  uuid         not null references invoices (id),
    amount      numeric(19, 4) not null,
    reason      varchar(1000) not null,
    issued_at   timestamp with time zone not null,
    constraint uk_credit_notes_number unique (number),
    constraint ck_credit_notes_amount check (amount > 0)
);
create index ix_credit_notes_invoice on credit_notes (invoice_id);

alter table collection_cases add column next_step_at timestamp with time zone;
alter table collection_cases add column agency_reference varchar(100);
alter table collection_cases add column handed_to_agency_at timestamp with time zone;

create table promises (
    id              uuid primary key,
    case_id         uuid         not null references collection_cases (id),
    customer_id     uuid         not null references customers (id),
    promised_date   date         not null,
    amount          numeric(19, 4) not null,
    currency        varchar(3)   not null,
    received_amount numeric(19, 4) not null,
    status          varchar(20)  not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    resolved_at     timestamp with time zone,
    version         bigint       not null,
    constraint ck_promises_amount check (amount > 0)
);
create index ix_promises_customer_status on promises (customer_id, status);

create table disputes (
    id            uuid primary key,
    customer_id   uuid         not null references customers (id),
    invoice_id    uuid         not null references invoices (id),
    reason        varchar(2000) not null,
    status        varchar(20)  not null,
    raised_by     varchar(100) not null,
    raised_at     timestamp with time zone not null,
    resolution_note varchar(2000),
    resolved_by   varchar(100),
    resolved_at   timestamp with time zone,
    version       bigint       not null
);
create index ix_disputes_customer_status on disputes (customer_id, status);

create table dunning_pauses (
    id          uuid primary key,
    customer_id uuid         not null references customers (id),
    -- null: the whole account is paused
    invoice_id  uuid         references invoices (id),
    reason      varchar(1000) not null,
    paused_until date        not null,
    paused_by   varchar(100) not null,
    paused_at   timestamp with time zone not null,
    ended_at    timestamp with time zone,
    version     bigint       not null
);
create index ix_dunning_pauses_customer on dunning_pauses (customer_id, ended_at);

-- What happened on a case besides decisions and emails, for the timeline and the audit.
create table case_events (
    id          uuid primary key,
    customer_id uuid         not null references customers (id),
    case_id     uuid         references collection_cases (id),
    type        varchar(40)  not null,
    detail      varchar(2000) not null,
    actor       varchar(100) not null,
    occurred_at timestamp with time zone not null
);
create index ix_case_events_customer on case_events (customer_id, occurred_at);

-- The full table's outputs, so every decision can be explained without the spreadsheet at hand.
alter table decision_records add column template varchar(60);
alter table decision_records add column priority integer default 0 not null;
alter table decision_records add column candidate_group varchar(60);
