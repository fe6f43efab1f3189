-- Hardship payment plans: the agreed schedule, the invoices it pays off, and how it went.
create table payment_plans (
    id                  uuid primary key,
    customer_id         uuid          not null references customers (id),
    case_id             uuid,
    status              varchar(30)   not null,
    currency            varchar(3)    not null,
    -- set only while the plan is being negotiated, awaits approval or runs: one such plan per customer
    open_customer_id    uuid,
    source              varchar(30)   not null,
    started_by          varchar(100)  not null,
    negotiated_by       varchar(100),
    approved_by         varchar(100),
    balance             numeric(19, 4),
    down_payment        numeric(19, 4),
    frequency           varchar(20),
    instalment_count    integer,
    first_due_date      date,
    monthly_income      numeric(19, 4),
    policy_decision     varchar(20),
    policy_reason       varchar(1000),
    policy_version      varchar(64),
    policy_row          integer,
    grace_days          integer       default 0 not null,
    break_after_misses  integer       default 0 not null,
    missed_count        integer       default 0 not null,
    created_at          timestamp with time zone not null,
    agreed_at           timestamp with time zone,
    ended_at            timestamp with time zone,
    version             bigint,
    constraint uk_payment_plans_open_customer unique (open_customer_id),
    constraint ck_payment_plans_down_payment check (down_payment is null or down_payment >= 0)
);
create index ix_payment_plans_customer_status on payment_plans (customer_id, status);

create table plan_invoices (
    plan_id         uuid          not null references payment_plans (id),
    invoice_id      uuid          not null references invoices (id),
    open_at_start   numeric(19, 4) not null,
    primary key (plan_id, invoice_id)
);

create table plan_instalments (
    id          uuid primary key,
    plan_id     uuid          not null references payment_plans (id),
    seq         integer       not null,
    due_date    date          not null,
    amount      numeric(19, 4) not null,
    reminded_at timestamp with time zone,
    missed_at   timestamp with time zone,
    constraint uk_plan_instalments_seq unique (plan_id, seq),
    constraint ck_plan_instalments_amount check (amount > 0)
);
