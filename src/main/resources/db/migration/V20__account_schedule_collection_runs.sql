-- The account is the unit of work: each customer row carries when it must next be decided.
-- decide_at: a scheduled decision (a wait ending, an invoice falling due), taken by the daily run.
-- changed_at: something changed since the last decision; decided within a minute.
-- Both are written in the same transaction as whatever set them.
alter table customers add column decide_at timestamp with time zone;
alter table customers add column changed_at timestamp with time zone;
alter table customers add column decided_at timestamp with time zone;
create index ix_customers_decide_at on customers (decide_at);
create index ix_customers_changed_at on customers (changed_at);

-- One row per run of collection-run; daily_date is set for the scheduled run only, so the
-- database, not a node, decides which node starts a day's run.
create table collection_runs (
    id             uuid primary key,
    kind           varchar(20)  not null,
    daily_date     date,
    status         varchar(20)  not null,
    started_by     varchar(100) not null,
    started_at     timestamp with time zone not null,
    cutoff         timestamp with time zone not null,
    finished_at    timestamp with time zone,
    accounts_due   integer      not null,
    decided        integer      not null,
    emails_queued  integer      not null,
    emails_sent    integer      not null,
    tasks_created  integer      not null,
    failed_batches integer      not null,
    constraint uk_collection_runs_daily_date unique (daily_date)
);

-- What a decision asks of the case process (start a task, close the case), written in the
-- deciding transaction and carried out after it, one row at a time: the outbox for people's work.
create table case_work (
    id             uuid primary key,
    case_id        uuid         not null references collection_cases (id),
    customer_id    uuid         not null references customers (id),
    decision_id    uuid,
    kind           varchar(30)  not null,
    candidate_group varchar(100),
    priority       integer      not null,
    due_at         timestamp with time zone,
    status         varchar(20)  not null,
    attempts       integer      not null,
    last_error     varchar(1000),
    next_attempt_at timestamp with time zone,
    created_at     timestamp with time zone not null,
    done_at        timestamp with time zone
);
create index ix_case_work_pending on case_work (status, created_at);
